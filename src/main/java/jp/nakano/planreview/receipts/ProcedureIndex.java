package jp.nakano.planreview.receipts;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The e-procedure rows a receipt may count towards, looked up straight from the bytes of a log line: an
 * open-addressing table over the ids' bytes, so counting a row creates no String. Row ids are ASCII (the
 * id rule of {@code Fields}), and ASCII bytes are the same in UTF-8 and CP932.
 */
final class ProcedureIndex {

    private final List<String> ids;

    private final byte[][] keys;

    private final int[] slots;

    private final int mask;

    ProcedureIndex(List<String> ids) {
        this.ids = List.copyOf(ids);
        int capacity = Integer.highestOneBit(Math.max(4, ids.size() * 4) - 1) << 1;
        this.mask = capacity - 1;
        this.slots = new int[capacity];
        Arrays.fill(slots, -1);
        this.keys = new byte[ids.size()][];
        for (int i = 0; i < ids.size(); i++) {
            byte[] key = ids.get(i).getBytes(StandardCharsets.UTF_8);
            if (find(key, 0, key.length) >= 0) {
                throw new IllegalArgumentException("procedure id " + ids.get(i) + " is listed twice");
            }
            keys[i] = key;
            int slot = hash(key, 0, key.length) & mask;
            while (slots[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = i;
        }
    }

    int size() {
        return ids.size();
    }

    String id(int index) {
        return ids.get(index);
    }

    /** The index of the id in {@code bytes[from, to)}, or -1 when it is no known procedure. */
    int find(byte[] bytes, int from, int to) {
        int slot = hash(bytes, from, to) & mask;
        int len = to - from;
        while (true) {
            int index = slots[slot];
            if (index < 0) {
                return -1;
            }
            byte[] key = keys[index];
            if (key.length == len && Arrays.equals(key, 0, len, bytes, from, to)) {
                return index;
            }
            slot = (slot + 1) & mask;
        }
    }

    private static int hash(byte[] bytes, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + bytes[i];
        }
        return h ^ (h >>> 16);
    }

}
