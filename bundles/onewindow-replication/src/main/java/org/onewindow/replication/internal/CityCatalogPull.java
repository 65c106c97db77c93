package org.onewindow.replication.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.ImportOutcome;
import org.onewindow.db.Jdbc;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.replication.CatalogPullDTO;
import org.onewindow.replication.DistrictState;
import org.onewindow.replication.internal.HubClient.HubFailure;
import org.onewindow.rest.Json;
import org.onewindow.security.Actor;
import org.onewindow.security.Hmac;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Pulls the city's catalog from the hub (统一审批标准): items new at the city, or changed there since the
 * last pull, are imported as new versions; an item this district changed itself while the city's
 * stayed the same is kept and reported as differing. Runs every {@code catalogPullMinutes} and on demand.
 */
@Component(service = CityCatalogPull.class, configurationPid = ReplicationConfig.PID)
public class CityCatalogPull {
    private static final Logger LOG = LoggerFactory.getLogger(CityCatalogPull.class);

    @Reference
    ReplicationShipper shipper;

    /** Present while the catalog feature is installed; shipping needs none. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile CatalogService catalog;

    @Reference(target = "(osgi.jndi.service.name=onewindow)")
    DataSource dataSource;

    private ScheduledExecutorService timer;
    private volatile CatalogPullDTO last;

    @Activate
    void activate(ReplicationConfig config) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "onewindow-catalog-pull"));
        if (config.catalogPullMinutes() > 0) {
            timer.scheduleWithFixedDelay(this::scheduled, config.catalogPullMinutes(), config.catalogPullMinutes(), TimeUnit.MINUTES);
        }
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    /** The last pull's outcome since this node started, or null. */
    CatalogPullDTO last() {
        return last;
    }

    private void scheduled() {
        try {
            HubLink.Row row = shipper.linkRow();
            if (row != null && row.state == DistrictState.APPROVED) {
                pull(Actor.system("catalog-pull"));
            }
        } catch (RuntimeException e) {
            LOG.warn("Pulling the city's catalog failed: {}", e.getMessage());
        }
    }

    /** Pulls now. */
    synchronized CatalogPullDTO pull(Actor actor) {
        actor.requireAny(Set.of(Actor.ADMIN));
        CatalogService catalog = this.catalog;
        if (catalog == null) {
            throw new Problem(ProblemKind.UNAVAILABLE, "CATALOG_UNAVAILABLE", "本节点未安装事项目录，不能拉取全市事项目录");
        }
        ReplicationShipper.Federated federated = shipper.federated();
        if (federated == null) {
            throw new Problem(ProblemKind.CONFLICT, "NOT_FEDERATED", "本区尚未获市级枢纽批准联网，不能拉取全市事项目录");
        }
        List<CatalogItemDTO> city;
        try {
            city = shipper.hubClient().catalog(federated.hubUrl(), federated.key(), Instant.now());
        } catch (HubFailure e) {
            throw new Problem(e.status == 0 ? ProblemKind.UNAVAILABLE : ProblemKind.CONFLICT, e.status == 0 ? "HUB_UNREACHABLE" : e.code,
                    "未能取得全市事项目录：" + e.getMessage());
        }
        // the city's version numbers are the hub's own: here an item changed at the city is simply the next version
        city.forEach(item -> item.version = null);
        Map<String, String> pulledBefore = pulledHashes();
        Map<String, ImportOutcome> outcomes = catalog.previewImport(city).items.stream()
                .collect(Collectors.toMap(i -> i.code, i -> i.outcome, (x, y) -> x));
        List<CatalogItemDTO> take = new ArrayList<>();
        Map<String, String> record = new HashMap<>();
        CatalogPullDTO out = new CatalogPullDTO();
        out.pulledAt = Instant.now().toString();
        out.cityItems = city.size();
        out.localChanges = new ArrayList<>();
        for (CatalogItemDTO item : city) {
            String hash = contentHash(item);
            ImportOutcome outcome = outcomes.get(item.code);
            if (outcome == ImportOutcome.UNCHANGED) {
                out.unchanged++;
                record.put(item.code, hash);
            } else if (outcome == ImportOutcome.NEW_VERSION && hash.equals(pulledBefore.get(item.code))) {
                // the city's item is as it was at the last pull: the difference is this district's own
                out.localChanges.add(item.code);
            } else {
                take.add(item);
                record.put(item.code, hash);
            }
        }
        if (!take.isEmpty()) {
            catalog.importItems(take, "hub:" + federated.hubUrl());
        }
        remember(record);
        out.imported = take.stream().map(i -> i.code).collect(Collectors.toList());
        Set<String> cityCodes = city.stream().map(i -> i.code).collect(Collectors.toSet());
        out.localOnly = catalog.export().stream().map(i -> i.code).filter(c -> !cityCodes.contains(c)).sorted().collect(Collectors.toList());
        last = out;
        LOG.info("City catalog pulled from {} by {}: {} imported, {} differing here, {} unchanged, {} only here", federated.hubUrl(), actor.name(),
                out.imported.size(), out.localChanges.size(), out.unchanged, out.localOnly.size());
        return out;
    }

    /** The item's content without its version number, which differs from node to node. */
    static String contentHash(CatalogItemDTO item) {
        ObjectNode node = Json.mapper().valueToTree(item);
        node.remove("version");
        return Hmac.sha256(Json.bytes(node));
    }

    private Map<String, String> pulledHashes() {
        return Jdbc.tx(dataSource, c -> {
            Map<String, String> out = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT ITEM_CODE, CITY_HASH FROM REPL_CATALOG"); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    private void remember(Map<String, String> hashes) {
        Instant now = Instant.now();
        Jdbc.tx(dataSource, c -> {
            for (Map.Entry<String, String> h : hashes.entrySet()) {
                if (Jdbc.update(c, "UPDATE REPL_CATALOG SET CITY_HASH = ?, PULLED_AT = ? WHERE ITEM_CODE = ?", h.getValue(), now, h.getKey()) == 0) {
                    Jdbc.update(c, "INSERT INTO REPL_CATALOG (CITY_HASH, PULLED_AT, ITEM_CODE) VALUES (?, ?, ?)", h.getValue(), now, h.getKey());
                }
            }
            return null;
        });
    }
}
