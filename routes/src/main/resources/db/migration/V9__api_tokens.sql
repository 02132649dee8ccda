-- Issue 6: API tokens with roles. Scripts send them as "Authorization: Bearer tc_..."; the console's login form posts
-- one and gets a session. Only the SHA-256 of a token is stored (see security/ApiTokens for why a fast hash is right).
-- A revoked token keeps its row and its name: the audit log names tokens, so a name is never reused for another one.
create table api_token (
    id           bigserial   primary key,
    name         text        not null unique,
    role         text        not null check (role in ('viewer', 'approver', 'admin')),
    token_sha256 text        not null unique,
    created_at   timestamptz not null,
    -- Updated at most once a minute per token: a busy script must not turn every read into a write.
    last_used_at timestamptz,
    revoked_at   timestamptz
);
