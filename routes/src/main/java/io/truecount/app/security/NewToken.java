package io.truecount.app.security;

/** A token just created: the only time its plain value exists outside the caller's hands. */
public record NewToken(String name, Role role, String token) {

    @Override
    public String toString() {
        // A record's default toString would print the token into any log line that mentions this object.
        return "NewToken[name=" + name + ", role=" + role.id() + "]";
    }
}
