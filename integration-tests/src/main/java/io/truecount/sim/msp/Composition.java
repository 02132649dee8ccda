package io.truecount.sim.msp;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The NinjaOne node classes of one client's fleet: mostly Windows PCs and Macs; about one server per fifteen devices
 * (physical, VMware guests, a Hyper-V host); a firewall and switches where the MSP monitors the network; a few phones.
 */
final class Composition {

    private final Random random;

    Composition(Random random) {
        this.random = random;
    }

    List<String> of(int size, double macShare) {
        List<String> classes = new ArrayList<>();
        if (size >= 12 || random.nextBoolean()) {
            classes.add("NMS_FIREWALL");
            for (int i = 1 + size / 40; i > 0; i--) {
                classes.add("NMS_SWITCH");
            }
        }
        int servers = size < 10 ? random.nextInt(2) : Math.max(1, Math.round(size * 0.07f));
        for (int i = 0; i < servers; i++) {
            classes.add(serverClass());
        }
        if (random.nextInt(100) < 35) {
            for (int i = 1 + random.nextInt(Math.max(1, size / 15)); i > 0; i--) {
                classes.add(random.nextBoolean() ? "ANDROID" : "APPLE_IOS");
            }
        }
        for (int i = Math.max(1, size - classes.size()); i > 0; i--) {
            classes.add(random.nextDouble() < macShare ? "MAC" : "WINDOWS_WORKSTATION");
        }
        return classes;
    }

    private String serverClass() {
        int roll = random.nextInt(100);
        if (roll < 55) {
            return "WINDOWS_SERVER";
        }
        if (roll < 65) {
            return "LINUX_SERVER";
        }
        return roll < 90 ? "VMWARE_VM_GUEST" : "HYPERV_VMM_HOST";
    }
}
