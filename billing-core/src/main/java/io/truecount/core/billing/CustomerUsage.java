package io.truecount.core.billing;

import io.truecount.core.contract.CountMode;
import io.truecount.core.contract.LicenseBasis;
import io.truecount.core.contract.Measure;
import io.truecount.core.contract.PerUserLine;
import io.truecount.core.counting.AssetCount;
import io.truecount.core.counting.AssetCounter;
import io.truecount.core.invoice.SourceRef;
import io.truecount.core.observation.AssetSnapshot;
import io.truecount.core.observation.LicenseCount;
import io.truecount.core.observation.UserAccount;
import io.truecount.core.period.BillingPeriod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What one customer has, as the count-based lines measure it (CONFIG.md, Counting): assets at the as-of instant (or
 * their peak or daily average over the billed period), licences per SKU, licensed users.
 */
final class CustomerUsage {

    private final AssetCount assets;
    private final List<Point> history;
    private final List<LicenseCount> licenses;
    private final List<UserAccount> users;
    private final ZoneId zone;

    /** One count of the customer's assets at one instant of the history. */
    private record Point(Instant at, AssetCount count) {}

    CustomerUsage(
            AssetCount assets,
            List<AssetSnapshot> snapshots,
            AssetCounter counter,
            List<LicenseCount> licenses,
            List<UserAccount> users,
            ZoneId zone,
            Instant asOf) {
        this.assets = assets;
        this.licenses = licenses;
        this.users = users;
        this.zone = zone;
        List<Point> points = new ArrayList<>();
        for (AssetSnapshot snapshot : snapshots) {
            if (snapshot.at().isBefore(asOf)) {
                points.add(new Point(snapshot.at(), counter.count(snapshot.assets(), snapshot.at())));
            }
        }
        points.add(new Point(asOf, assets));
        points.sort(Comparator.comparing(Point::at));
        this.history = points;
    }

    AssetCount assets() {
        return assets;
    }

    Counted count(Measure measure, BillingPeriod period) {
        if (measure instanceof Measure.Assets a) {
            return assets(a, period);
        }
        return licenses((Measure.Licenses) measure);
    }

    /** Assets of the classes: at the as-of instant, or the peak or daily average of the period's counts. */
    Counted assets(Measure.Assets measure, BillingPeriod period) {
        if (measure.mode() == CountMode.PERIOD_END) {
            return countedAssets(assets, measure);
        }
        Instant from = period.start().atStartOfDay(zone).toInstant();
        List<Point> inPeriod =
                history.stream().filter(p -> !p.at().isBefore(from)).toList();
        if (measure.mode() == CountMode.PEAK) {
            Point peak = inPeriod.get(0);
            for (Point p : inPeriod) {
                if (p.count().of(measure.classes()).compareTo(peak.count().of(measure.classes())) > 0) {
                    peak = p;
                }
            }
            return countedAssets(peak.count(), measure);
        }
        // The last count of each day stands for that day; days without a sync do not count either way.
        TreeMap<LocalDate, BigDecimal> daily = new TreeMap<>();
        for (Point p : inPeriod) {
            daily.put(p.at().atZone(zone).toLocalDate(), p.count().of(measure.classes()));
        }
        BigDecimal sum = daily.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mean = sum.divide(BigDecimal.valueOf(daily.size()), 2, RoundingMode.HALF_UP);
        return new Counted(
                mean.stripTrailingZeros().scale() <= 0 ? mean.setScale(0) : mean,
                countedAssets(assets, measure).sources());
    }

    private static Counted countedAssets(AssetCount count, Measure.Assets measure) {
        List<SourceRef> refs = count.counted().stream()
                .filter(a -> measure.classes().contains(a.assetClass()))
                .map(a -> new SourceRef(SourceRef.ASSET, a.connectorId(), a.externalId(), a.name()))
                .toList();
        return new Counted(BigDecimal.valueOf(refs.size()), refs);
    }

    /** Licences of the SKUs, summed over the customer's tenants; deleted SKUs never count. */
    Counted licenses(Measure.Licenses measure) {
        BigDecimal total = BigDecimal.ZERO;
        List<SourceRef> refs = new ArrayList<>();
        for (LicenseCount sku : licenses) {
            if (sku.isLive() && measure.skus().contains(sku.skuPartNumber())) {
                long n = measure.basis() == LicenseBasis.ASSIGNED ? sku.assigned() : sku.purchased();
                total = total.add(BigDecimal.valueOf(n));
                refs.add(new SourceRef(
                        SourceRef.LICENSE,
                        sku.connectorId(),
                        sku.organizationId() + "/" + sku.skuId(),
                        sku.skuPartNumber() + ": " + sku.assigned() + " assigned of " + sku.purchased()));
            }
        }
        return new Counted(total, refs);
    }

    /** Enabled users holding a live licence (of the line's SKUs, if named), except the excluded UPNs. */
    Counted users(PerUserLine line) {
        Set<String> deleted = new HashSet<>();
        licenses.stream()
                .filter(l -> !l.isLive())
                .forEach(l -> deleted.add(l.organizationId() + '\u0000' + l.skuPartNumber()));
        List<Pattern> excluded =
                line.excludeUpn().stream().map(CustomerUsage::glob).toList();
        List<SourceRef> refs = new ArrayList<>();
        for (UserAccount user : users) {
            boolean licensed = user.skuPartNumbers().stream()
                    .filter(sku -> !deleted.contains(user.organizationId() + '\u0000' + sku))
                    .anyMatch(sku -> line.skus().isEmpty() || line.skus().contains(sku));
            String upn = user.userPrincipalName().toLowerCase(Locale.ROOT);
            if (user.enabled()
                    && licensed
                    && excluded.stream().noneMatch(p -> p.matcher(upn).matches())) {
                refs.add(
                        new SourceRef(SourceRef.USER, user.connectorId(), user.externalId(), user.userPrincipalName()));
            }
        }
        refs.sort(Comparator.comparing(SourceRef::label));
        return new Counted(BigDecimal.valueOf(refs.size()), refs);
    }

    List<LicenseCount> licenses() {
        return licenses;
    }

    /** A whole-UPN glob ({@code *} any run, {@code ?} one character), matched case-insensitively. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
