package io.truecount.e2e;

import io.truecount.sim.msp.SampleDevice;
import io.truecount.sim.ninjaone.NinjaOneData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A small MSP whose invoices are computed by hand in {@link CycleIT}: two customers, one stale and one duplicate
 * device, a pending device, an unmapped organization, and a contract that starts in the middle of October 2026.
 */
final class SmallMsp {

    /** October 2026 ends at midnight in New York, 04:00 UTC. */
    static final Instant AS_OF = Instant.parse("2026-11-01T03:59:59Z");

    private static final Instant RECENT = AS_OF.minus(Duration.ofDays(2));

    private SmallMsp() {}

    static NinjaOneData data() {
        return NinjaOneData.builder()
                .organization(12, "Acme Dental")
                .organization(34, "Beta Law")
                .organization(99, "Bob's Bakery")
                // Acme: 3 workstations and a server billable; a stale workstation; a re-imaged workstation whose old
                // agent (id 106) still reports the same serial; a device waiting for approval.
                .device(device(101, 12, "WINDOWS_WORKSTATION", "ACME-A1", RECENT))
                .device(device(102, 12, "MAC", "ACME-A2", RECENT))
                .device(device(103, 12, "WINDOWS_WORKSTATION", "ACME-A3", RECENT))
                .device(device(104, 12, "WINDOWS_SERVER", "ACME-S1", RECENT))
                .device(device(105, 12, "WINDOWS_WORKSTATION", "ACME-OLD", AS_OF.minus(Duration.ofDays(60))))
                .device(device(106, 12, "WINDOWS_WORKSTATION", "acme-a1 ", RECENT.minus(Duration.ofDays(1))))
                .device(SampleDevice.builder(107, 12)
                        .nodeClass("WINDOWS_WORKSTATION")
                        .approvalStatus("PENDING")
                        .serialNumber("ACME-P1")
                        .lastContact(RECENT)
                        .build())
                // Beta: 2 workstations and a server (no server line: uncontracted).
                .device(device(201, 34, "WINDOWS_WORKSTATION", "BETA-1", RECENT))
                .device(device(202, 34, "LINUX_WORKSTATION", "BETA-2", RECENT))
                .device(device(203, 34, "VMWARE_VM_GUEST", "BETA-S1", RECENT))
                // Bob's Bakery is in NinjaOne but not in the configuration.
                .device(device(901, 99, "WINDOWS_WORKSTATION", "BOB-1", RECENT))
                .device(device(902, 99, "WINDOWS_WORKSTATION", "BOB-2", RECENT))
                .build();
    }

    private static SampleDevice device(long id, long org, String nodeClass, String serial, Instant lastContact) {
        return SampleDevice.builder(id, org)
                .nodeClass(nodeClass)
                .serialNumber(serial)
                .lastContact(lastContact)
                .created(AS_OF.minus(Duration.ofDays(400)))
                .build();
    }

    /** Writes the configuration for a simulator at {@code baseUrl} into {@code dir}, secrets as files. */
    static Path writeConfig(Path dir, String baseUrl, String clientId, String clientSecret) throws IOException {
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/ninja-id"), clientId + "\n");
        Files.writeString(dir.resolve("secrets/ninja-secret"), clientSecret + "\n");
        String yaml =
                """
                company:
                  name: Zylker Managed Services
                  currency: USD
                  timezone: America/New_York
                  invoice-prefix: ZY-
                  address: { line1: 1 Main St, city: Springfield, postal-code: "12345", country: US }
                  tax-id: US123456789

                connectors:
                  ninja:
                    type: ninjaone
                    base-url: %s
                    credentials: { client-id: "file:secrets/ninja-id", client-secret: "file:secrets/ninja-secret" }
                    stale-after-days: 30
                    page-size: 2
                    retry: { max-attempts: 3, backoff-millis: 20, max-wait-seconds: 5 }

                customers:
                  acme:
                    name: Acme Dental
                    tax: { rate: "8.25", category: S }
                    address: { line1: 9 Elm Rd, city: Springfield, postal-code: "12345" }
                    sources: { ninja: "12" }
                  beta:
                    name: Beta Law LLP
                    tax: { rate: "0", category: Z }
                    address: { line1: 4 Court Sq, city: Shelbyville }
                    sources: { ninja: "34" }

                contracts:
                  - id: acme-managed
                    customer: acme
                    start: 2026-01-01
                    cycle: monthly
                    billing: advance
                    lines:
                      - { id: workstations, type: per-asset, asset-classes: [workstation], unit-price: "45.00",
                          contracted-quantity: 4 }
                      - { id: servers, type: per-asset, asset-classes: [server], unit-price: 125.00 }
                      - { id: backup, type: flat, amount: "99.00", description: Backup monitoring }
                  - id: beta-managed
                    customer: beta
                    start: 2026-10-15
                    cycle: monthly
                    billing: advance
                    lines:
                      - { id: workstations, type: per-asset, asset-classes: [workstation], unit-price: "50.00",
                          minimum-quantity: 5 }
                      - { id: helpdesk, type: flat, amount: "200.00", description: Helpdesk }
                """
                        .formatted(baseUrl);
        Path file = dir.resolve("truecount.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
