package org.onewindow.online.internal.common;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.onewindow.node.StatusContributor;
import org.onewindow.online.Notifier;
import org.onewindow.online.RealNameVerifier;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The online channel in {@code onewindow:status}: today's appointments, applications waiting for pre-review,
 * the notifier, whether real-name verification is offered, and how many ID numbers have a verified mobile.
 */
@Component(service = StatusContributor.class, configurationPid = OnlineConfig.PID)
public class OnlineStatus implements StatusContributor {
    @Reference
    OnlineDatabase db;

    @Reference(name = "notifier", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile ServiceReference<Notifier> notifier;

    @Reference(name = "realName", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile RealNameVerifier realName;

    private ZoneId zone;
    private String hours;

    @Activate
    void activate(OnlineConfig config) {
        zone = ZoneId.of(config.zone());
        hours = config.hallHours() + " (" + config.slotMinutes() + " min, " + config.slotCapacity() + " per slot)";
    }

    @Override
    public String capability() {
        return "online";
    }

    @Override
    public Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("schema version", db.schemaVersion);
        out.put("hall hours", hours);
        out.put("appointments today", db.tx(em -> em.createNativeQuery("SELECT COUNT(*) FROM APPOINTMENT WHERE SLOT_DAY = ?"
                + " AND STATUS <> 'CANCELLED'").setParameter(1, Date.valueOf(LocalDate.now(zone))).getSingleResult()));
        out.put("waiting for pre-review", db.tx(em -> em.createNativeQuery("SELECT COUNT(*) FROM ONLINE_APPLICATION"
                + " WHERE STATE = 'SUBMITTED'").getSingleResult()));
        ServiceReference<Notifier> n = notifier;
        out.put("notifier", n == null ? "none running (notifier.target matches no notifier): citizens cannot sign in" : "channel=" + n.getProperty("channel"));
        RealNameVerifier r = realName;
        out.put("real-name verification", r == null ? "none running (realName.target matches no service)"
                : r.available() ? "offered" : "not offered (etc/org.onewindow.online.realname.cfg: no url, or no service key)");
        out.put("verified mobiles", db.tx(em -> em.createNativeQuery("SELECT COUNT(*) FROM ONLINE_CITIZEN").getSingleResult()));
        return out;
    }
}
