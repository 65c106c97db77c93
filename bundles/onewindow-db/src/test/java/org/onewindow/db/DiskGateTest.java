package org.onewindow.db;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.function.BooleanSupplier;

import org.junit.Test;
import org.onewindow.problem.StorageFaults;

public class DiskGateTest {

    /** While the disk is full a loop's look is refused before it asks Derby, as a full disk, which the loops wait on longest. */
    @Test
    public void aLookOnAFullDiskIsRefusedAsAFullDisk() {
        boolean[] full = {true};
        BooleanSupplier disk = () -> full[0];
        DiskGate.watch(disk);
        try {
            DiskGate.check();
            fail("refused");
        } catch (RuntimeException refused) {
            assertTrue("read as a full disk: " + refused, StorageFaults.isFull(refused));
            assertTrue(StorageFaults.isStorageFault(refused));
            assertEquals("STORAGE_FULL", StorageFaults.problemOf(refused).code());
        }
        full[0] = false;
        DiskGate.check();
        full[0] = true;
        DiskGate.release(disk);
        DiskGate.check(); // released: nothing watches, nothing refused
    }
}
