package io.truecount.sim.msp;

import io.truecount.core.observation.AssetClass;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Makes, models, serial numbers and MAC addresses per NinjaOne node class, shaped like the real vendors' (Dell service
 * tags, HP's 5CG serials, VMware's "VMware-42 .." BIOS serials, OUIs of the maker). Serials and MACs are unique across
 * the whole MSP, so only the duplicates the generator makes on purpose are duplicates.
 */
final class Hardware {

    /**
     * A model line. In a serial pattern {@code A} is a letter or digit, {@code D} a digit, {@code H} a lower-case hex
     * digit; anything else is literal.
     *
     * @param stem what hostnames call the device ({@code LT} for a laptop, {@code MacBook-Air} for a Mac)
     */
    record Model(String manufacturer, String model, String serialPattern, String oui, String stem, int nics) {}

    /** A device's hardware identity. */
    record Identity(Model model, String serialNumber, String biosSerialNumber, List<String> macAddresses) {}

    private static final Map<String, List<Model>> CATALOG = Map.ofEntries(
            Map.entry(
                    "WINDOWS_WORKSTATION",
                    List.of(
                            new Model("Dell Inc.", "OptiPlex 7010", "AAAAAAA", "F8:BC:12", "WS", 1),
                            new Model("Dell Inc.", "Latitude 5440", "AAAAAAA", "D4:81:D7", "LT", 2),
                            new Model("Dell Inc.", "Latitude 7440", "AAAAAAA", "D4:81:D7", "LT", 2),
                            new Model("HP", "EliteBook 840 G9", "5CGDDDDAAA", "3C:52:82", "LT", 2),
                            new Model("HP", "ProDesk 400 G7", "MXLDDDDAAA", "3C:52:82", "WS", 1),
                            new Model("LENOVO", "ThinkPad T14 Gen 3", "PFAAAAAA", "54:E1:AD", "LT", 2),
                            new Model("LENOVO", "ThinkCentre M70q Gen 4", "MJAAAAAA", "54:E1:AD", "WS", 1),
                            new Model(
                                    "Microsoft Corporation", "Surface Laptop 5", "DDDDDDDDDDDD", "28:16:A8", "LT", 1))),
            Map.entry(
                    "MAC",
                    List.of(
                            new Model(
                                    "Apple Inc.", "MacBook Air (M2, 2022)", "AAAAAAAAAA", "A4:83:E7", "MacBook-Air", 1),
                            new Model(
                                    "Apple Inc.",
                                    "MacBook Pro (14-inch, 2023)",
                                    "AAAAAAAAAA",
                                    "F0:18:98",
                                    "MacBook-Pro",
                                    1),
                            new Model("Apple Inc.", "iMac (24-inch, M3)", "AAAAAAAAAA", "F0:18:98", "iMac", 2),
                            new Model("Apple Inc.", "Mac mini (M2, 2023)", "AAAAAAAAAA", "A4:83:E7", "Mac-mini", 2))),
            Map.entry(
                    "WINDOWS_SERVER",
                    List.of(
                            new Model("Dell Inc.", "PowerEdge R650", "AAAAAAA", "B0:7B:25", "SRV", 2),
                            new Model("Dell Inc.", "PowerEdge T550", "AAAAAAA", "B0:7B:25", "SRV", 2),
                            new Model("HPE", "ProLiant DL380 Gen10", "CZJDDDDAAA", "94:40:C9", "SRV", 4),
                            new Model("Lenovo", "ThinkSystem SR630", "J30AAAAA", "08:94:EF", "SRV", 2))),
            Map.entry(
                    "LINUX_SERVER",
                    List.of(
                            new Model("Supermicro", "SYS-5019C-M", "SDDDDDDDDDDD", "AC:1F:6B", "lnx", 2),
                            new Model("Dell Inc.", "PowerEdge R450", "AAAAAAA", "B0:7B:25", "lnx", 2))),
            Map.entry(
                    "VMWARE_VM_GUEST",
                    List.of(new Model(
                            "VMware, Inc.",
                            "VMware7,1",
                            "VMware-42 HH HH HH HH HH HH HH HH-HH HH HH HH HH HH HH HH",
                            "00:50:56",
                            "VM",
                            1))),
            Map.entry(
                    "HYPERV_VMM_HOST",
                    List.of(
                            new Model("Dell Inc.", "PowerEdge R750", "AAAAAAA", "B0:7B:25", "HV", 4),
                            new Model("HPE", "ProLiant DL360 Gen10", "CZJDDDDAAA", "94:40:C9", "HV", 4))),
            Map.entry(
                    "NMS_SWITCH",
                    List.of(
                            new Model("Cisco", "Catalyst 9200L-24P-4G", "FOCDDDDAAAA", "70:0F:6A", "SW", 1),
                            new Model("Aruba", "2930F-24G-PoE+", "SGDDAAAAAA", "94:B4:0F", "SW", 1))),
            Map.entry(
                    "NMS_FIREWALL",
                    List.of(
                            new Model("Fortinet", "FortiGate 60F", "FGT60FTKDDDDDDDD", "90:6C:AC", "FW", 1),
                            new Model("Cisco Meraki", "MX68", "Q2KY-AAAA-AAAA", "0C:8D:DB", "FW", 1))),
            Map.entry(
                    "ANDROID",
                    List.of(
                            new Model("samsung", "Galaxy S23", "R5CWAAAAAAA", "5C:E8:EB", "Galaxy-S23", 1),
                            new Model("Google", "Pixel 8", "DDAAAAAAAAAAAA", "3C:28:6D", "Pixel-8", 1))),
            Map.entry(
                    "APPLE_IOS",
                    List.of(
                            new Model("Apple Inc.", "iPhone 15", "AAAAAAAAAA", "F0:18:98", "iPhone", 1),
                            new Model("Apple Inc.", "iPhone 14", "AAAAAAAAAA", "A4:83:E7", "iPhone", 1))));

    /** Motherboard defaults of a self-built PC: such a machine reports no usable serial. */
    static final Model WHITE_BOX = new Model("System manufacturer", "System Product Name", "", "04:D9:F5", "WS", 1);

    private static final String ALPHANUMERIC = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    private static final String HEX = "0123456789abcdef";

    private final Random random;
    private final Set<String> usedSerials = new HashSet<>();
    private final Set<String> usedMacs = new HashSet<>();

    Hardware(Random random) {
        this.random = random;
    }

    Model pickModel(String nodeClass) {
        List<Model> models = CATALOG.get(nodeClass);
        return models.get(random.nextInt(models.size()));
    }

    /** A new machine of that model; network appliances and phones have no BIOS serial. */
    Identity identity(String nodeClass, Model model) {
        String serial = model.serialPattern().isEmpty() ? "" : uniqueSerial(model.serialPattern());
        AssetClass assetClass = NinjaClasses.classOf(nodeClass);
        boolean hasBios = assetClass != AssetClass.NETWORK && assetClass != AssetClass.MOBILE;
        List<String> macs = new ArrayList<>();
        for (int i = 0; i < model.nics(); i++) {
            macs.add(uniqueMac(model.oui()));
        }
        return new Identity(model, serial, hasBios ? serial : "", macs);
    }

    private String uniqueSerial(String pattern) {
        String serial;
        do {
            serial = fromPattern(pattern);
        } while (!usedSerials.add(serial));
        return serial;
    }

    private String uniqueMac(String oui) {
        String mac;
        do {
            mac = String.format(
                    Locale.ROOT,
                    "%s:%02X:%02X:%02X",
                    oui,
                    random.nextInt(256),
                    random.nextInt(256),
                    random.nextInt(256));
        } while (!usedMacs.add(mac));
        return mac;
    }

    private String fromPattern(String pattern) {
        StringBuilder serial = new StringBuilder(pattern.length());
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case 'A' -> serial.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
                case 'D' -> serial.append((char) ('0' + random.nextInt(10)));
                case 'H' -> serial.append(HEX.charAt(random.nextInt(HEX.length())));
                default -> serial.append(c);
            }
        }
        return serial.toString();
    }
}
