package io.truecount.sim.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One customer tenant: its SKUs and users, and a change log that gives {@code /users/delta} its meaning. Every change
 * to a user after the tenant was built appends the user's id under the next sequence number; a delta token is a
 * sequence number, and the users changed after it are what a delta read returns. Thread-safe: WireMock answers on many
 * threads while a test changes the data.
 */
public final class GraphTenant {

    /** Whether the MSP's app may read the tenant. */
    public enum Consent {
        CONSENTED,
        /** Never consented: the token endpoint answers AADSTS700016. */
        UNCONSENTED,
        /** Consent withdrawn: new tokens get AADSTS7000229, tokens already issued get 403 on data. */
        REVOKED
    }

    static final class Sku {
        final String skuId;
        final String partNumber;
        String status;
        int prepaid;
        int consumed;

        Sku(String skuId, String partNumber, String status, int prepaid) {
            this.skuId = skuId;
            this.partNumber = partNumber;
            this.status = status;
            this.prepaid = prepaid;
        }
    }

    static final class User {
        final String id;
        final String upn;
        boolean enabled;
        List<String> skuIds;

        User(String id, String upn, boolean enabled, List<String> skuIds) {
            this.id = id;
            this.upn = upn;
            this.enabled = enabled;
            this.skuIds = List.copyOf(skuIds);
        }
    }

    private record Change(long seq, String userId) {}

    /** A slice of users, each rendered as Graph JSON, and whether more follow. */
    record Slice(List<String> users, boolean more) {}

    private final String id;
    private final String name;
    private final Map<String, Sku> skus = new LinkedHashMap<>();
    private final Map<String, User> users = new HashMap<>();
    // Creation order: full reads page through it by offset.
    private final List<String> order = new ArrayList<>();
    private final List<Change> changes = new ArrayList<>();
    private long seq;
    private long floor;
    private Consent consent = Consent.CONSENTED;

    GraphTenant(String id, String name) {
        this.id = id;
        this.name = name;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public synchronized Consent consent() {
        return consent;
    }

    public synchronized void consent(Consent newConsent) {
        consent = newConsent;
    }

    synchronized void sku(String skuId, String partNumber, String status, int prepaid) {
        skus.put(skuId, new Sku(skuId, partNumber, status, prepaid));
    }

    /** Adds a user; after the tenant was built, use {@link #addUser} so that delta reads report it. */
    synchronized void user(String userId, String upn, boolean enabled, List<String> skuIds) {
        User user = new User(userId, upn, enabled, skuIds);
        users.put(userId, user);
        order.add(userId);
        count(user.skuIds, +1);
    }

    synchronized void userWithParts(String userId, String upn, boolean enabled, String... partNumbers) {
        user(userId, upn, enabled, skuIds(partNumbers));
    }

    // ---- mutations between syncs; each is one change a delta read reports ----

    public synchronized void addUser(String userId, String upn, boolean enabled, String... partNumbers) {
        user(userId, upn, enabled, skuIds(partNumbers));
        changed(userId);
    }

    /** Replaces the user's licences. */
    public synchronized void assign(String userId, String... partNumbers) {
        User user = existing(userId);
        count(user.skuIds, -1);
        user.skuIds = skuIds(partNumbers);
        count(user.skuIds, +1);
        changed(userId);
    }

    public synchronized void setEnabled(String userId, boolean enabled) {
        existing(userId).enabled = enabled;
        changed(userId);
    }

    /** Deletes the user: licences freed, reported {@code @removed} by delta reads. */
    public synchronized void delete(String userId) {
        User user = existing(userId);
        count(user.skuIds, -1);
        users.remove(userId);
        order.remove(userId);
        changed(userId);
    }

    /** Seats bought of a SKU ({@code prepaidUnits.enabled}); not a user change, so no delta entry. */
    public synchronized void setPrepaid(String partNumber, int prepaid) {
        skuByPart(partNumber).prepaid = prepaid;
    }

    public synchronized void setStatus(String partNumber, String capabilityStatus) {
        skuByPart(partNumber).status = capabilityStatus;
    }

    /** Forgets every delta token issued so far: the next delta read with one gets 410 Gone. */
    public synchronized void expireDeltaTokens() {
        seq++;
        floor = seq;
    }

    /** Ids of the tenant's users, in creation order. */
    public synchronized List<String> userIds() {
        return List.copyOf(order);
    }

    public synchronized int userCount() {
        return users.size();
    }

    // ---- what the API reads ----

    synchronized long currentSeq() {
        return seq;
    }

    /** Whether a delta token of this sequence number is still known. */
    synchronized boolean knows(long tokenSeq) {
        return tokenSeq >= floor && tokenSeq <= seq;
    }

    synchronized List<String> renderedSkus() {
        List<String> rows = new ArrayList<>(skus.size());
        skus.values().forEach(sku -> rows.add(GraphJson.sku(id, name, sku)));
        return rows;
    }

    synchronized Slice allUsers(int offset, int size) {
        int to = Math.min(order.size(), offset + size);
        List<String> rows = new ArrayList<>(Math.max(0, to - offset));
        for (int i = offset; i < to; i++) {
            rows.add(GraphJson.user(users.get(order.get(i))));
        }
        return new Slice(rows, to < order.size());
    }

    /** Users changed after {@code fromSeq} up to {@code toSeq}, in the order of their last change, sliced. */
    synchronized Slice changedUsers(long fromSeq, long toSeq, int offset, int size) {
        Set<String> changed = new LinkedHashSet<>();
        for (int i = firstAfter(fromSeq); i < changes.size() && changes.get(i).seq() <= toSeq; i++) {
            String userId = changes.get(i).userId();
            changed.remove(userId);
            changed.add(userId);
        }
        List<String> ids = new ArrayList<>(changed);
        int to = Math.min(ids.size(), offset + size);
        List<String> rows = new ArrayList<>(Math.max(0, to - offset));
        for (int i = offset; i < to; i++) {
            User user = users.get(ids.get(i));
            rows.add(user == null ? GraphJson.removed(ids.get(i)) : GraphJson.user(user));
        }
        return new Slice(rows, to < ids.size());
    }

    private int firstAfter(long fromSeq) {
        int low = 0;
        int high = changes.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (changes.get(mid).seq() <= fromSeq) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private void changed(String userId) {
        changes.add(new Change(++seq, userId));
    }

    private void count(List<String> skuIds, int delta) {
        for (String skuId : skuIds) {
            Sku sku = skus.get(skuId);
            if (sku != null) {
                sku.consumed += delta;
            }
        }
    }

    private List<String> skuIds(String... partNumbers) {
        List<String> ids = new ArrayList<>();
        for (String partNumber : partNumbers) {
            ids.add(skuByPart(partNumber).skuId);
        }
        return ids;
    }

    private Sku skuByPart(String partNumber) {
        return skus.values().stream()
                .filter(s -> s.partNumber.equals(partNumber))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("tenant " + id + " has no SKU " + partNumber));
    }

    private User existing(String userId) {
        User user = users.get(userId);
        if (user == null) {
            throw new NoSuchElementException("tenant " + id + " has no user " + userId);
        }
        return user;
    }
}
