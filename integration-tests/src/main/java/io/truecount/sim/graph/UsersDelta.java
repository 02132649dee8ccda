package io.truecount.sim.graph;

import io.truecount.sim.graph.GraphTenant.Slice;
import io.truecount.sim.graph.Links.Skip;
import io.truecount.sim.vendor.Reply;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code /users/delta} request: a full read's first page (no token), a delta token's first page (the users
 * changed since it), or a later page of either ({@code $skiptoken}). The last page of a read carries the
 * {@code @odata.deltaLink} to resume from.
 */
final class UsersDelta {

    /** Graph's page size of {@code /users/delta} when the client prefers none, and the most it allows. */
    static final int DEFAULT_PAGE_SIZE = 100;

    static final int MAX_PAGE_SIZE = 999;
    private static final Pattern MAX_PAGE = Pattern.compile("odata\\.maxpagesize=(\\d{1,9})");

    private final String tenantId;
    private final GraphTenant tenant;
    private final String context;
    private final String base;
    private final boolean cutSecondPage;

    /**
     * @param tenant null for the partner tenant, which has no users the MSP bills
     * @param base the request's absolute URL without query: links point back at it
     * @param cutSecondPage {@link io.truecount.sim.vendor.Mode#MALFORMED_PAGE}
     */
    UsersDelta(String tenantId, GraphTenant tenant, String context, String base, boolean cutSecondPage) {
        this.tenantId = tenantId;
        this.tenant = tenant;
        this.context = context;
        this.base = base;
        this.cutSecondPage = cutSecondPage;
    }

    Reply answer(String skip, String delta, String prefer) {
        int size = preferredPageSize(prefer);
        if (skip != null) {
            Skip position = Skip.decode(skip);
            if (position == null || !position.tenant().equals(tenantId) || position.kind() == 'g') {
                return GraphApi.graphError(400, "BadRequest", "Invalid $skiptoken.");
            }
            Reply page = page(position);
            return cutSecondPage && position.offset() == position.size() ? page.cutOff() : page;
        }
        if (tenant == null) {
            return page(new Skip(tenantId, 'f', 0, 0, 0, size));
        }
        if (delta != null) {
            long seq = Links.deltaSeq(delta, tenantId);
            if (seq < 0 || !tenant.knows(seq)) {
                return GraphApi.graphError(410, "SyncStateNotFound", "The sync state generation is not found.");
            }
            return page(new Skip(tenantId, 'd', seq, tenant.currentSeq(), 0, size));
        }
        return page(new Skip(tenantId, 'f', tenant.currentSeq(), 0, 0, size));
    }

    private Reply page(Skip position) {
        Slice slice;
        if (tenant == null) {
            slice = new Slice(List.of(), false);
        } else if (position.kind() == 'f') {
            slice = tenant.allUsers(position.offset(), position.size());
        } else {
            slice = tenant.changedUsers(position.from(), position.to(), position.offset(), position.size());
        }
        String next = null;
        String deltaLink = null;
        if (slice.more()) {
            Skip after = new Skip(
                    tenantId,
                    position.kind(),
                    position.from(),
                    position.to(),
                    position.offset() + position.size(),
                    position.size());
            next = base + "?$skiptoken=" + after.encode();
        } else {
            // A full read resumes from where the tenant stood when it began; a delta read from where it ended.
            long stoodAt = position.kind() == 'f' ? position.from() : position.to();
            deltaLink = base + "?$deltatoken=" + Links.deltaToken(tenantId, stoodAt);
        }
        return GraphApi.json(200, GraphJson.page(context, slice.users(), next, deltaLink))
                .withHeader("Preference-Applied", "odata.maxpagesize=" + position.size());
    }

    private static int preferredPageSize(String prefer) {
        if (prefer != null) {
            Matcher matcher = MAX_PAGE.matcher(prefer);
            if (matcher.find()) {
                return (int) Math.max(1, Math.min(MAX_PAGE_SIZE, Long.parseLong(matcher.group(1))));
            }
        }
        return DEFAULT_PAGE_SIZE;
    }
}
