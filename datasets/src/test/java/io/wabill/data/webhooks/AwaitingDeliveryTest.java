package io.wabill.data.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.wabill.sim.domain.DeliveryStatus;
import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.TemplateCategory;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The paged store of messages awaiting delivery answers as a plain map in insertion order would. */
class AwaitingDeliveryTest {
    private record Entry(AwaitingDelivery.Message message, long at) {}

    @Test
    void randomPutsRemovesAndExpiriesAgreeWithAMap() {
        SplittableRandom r = new SplittableRandom(12);
        AwaitingDelivery store = new AwaitingDelivery();
        LinkedHashMap<String, Entry> reference = new LinkedHashMap<>();
        long now = 0;
        for (int step = 0; step < 200_000; step++) {
            now += r.nextInt(3);
            int op = r.nextInt(10);
            String id = "wamid." + r.nextInt(60_000);
            if (op < 5) {
                String customer = r.nextBoolean() ? "55119" + r.nextInt(10_000_000) : (r.nextBoolean() ? "BR." + r.nextLong(1L << 50) : "0044" + r.nextInt(1000));
                AwaitingDelivery.Message m = new AwaitingDelivery.Message("acct" + r.nextInt(3), "1555000" + r.nextInt(5), customer,
                        MessageKind.TEMPLATE, TemplateCategory.values()[r.nextInt(TemplateCategory.values().length)], DeliveryStatus.SENT);
                store.put(id, m.account(), m.business(), m.customer(), m.kind(), m.category(), m.status(), now);
                reference.remove(id);
                reference.put(id, new Entry(m, now));
            } else if (op < 7) {
                store.remove(id);
                reference.remove(id);
            } else if (op < 8) {
                store.setStatus(id, DeliveryStatus.FAILED);
                Entry e = reference.get(id);
                if (e != null) {
                    AwaitingDelivery.Message m = e.message();
                    reference.put(id, new Entry(new AwaitingDelivery.Message(m.account(), m.business(), m.customer(), m.kind(),
                            m.category(), DeliveryStatus.FAILED), e.at()));
                }
            } else if (op < 9) {
                long before = now - 5_000;
                store.forgetWrittenBefore(before);
                Iterator<Entry> it = reference.values().iterator();
                while (it.hasNext()) if (it.next().at() < before) it.remove();
            } else {
                Entry e = reference.get(id);
                AwaitingDelivery.Message got = store.get(id);
                if (e == null) assertNull(got, id);
                else assertEquals(e.message(), got, id);
            }
            if (step % 10_000 == 0) assertEquals(reference.size(), store.size(), "size at step " + step);
        }
        for (Map.Entry<String, Entry> e : reference.entrySet()) assertEquals(e.getValue().message(), store.get(e.getKey()));
    }
}
