package org.onewindow.evaluation.internal.ratings;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.onewindow.calendar.WorkingCalendar;
import org.onewindow.db.ChangeJournal;
import org.onewindow.db.Jdbc;
import org.onewindow.evaluation.NewRatingDTO;
import org.onewindow.evaluation.PadViewDTO;
import org.onewindow.evaluation.RatableDTO;
import org.onewindow.evaluation.RatingChannel;
import org.onewindow.evaluation.RatingReceiptDTO;
import org.onewindow.evaluation.Ratings;
import org.onewindow.evaluation.ReasonsDTO;
import org.onewindow.evaluation.Stage;
import org.onewindow.evaluation.internal.EvaluationStore;
import org.onewindow.evaluation.internal.Tokens;
import org.onewindow.evaluation.internal.journal.RatingRecords;
import org.onewindow.evaluation.internal.pads.PadStore;
import org.onewindow.evaluation.internal.rectification.RectificationStore;
import org.onewindow.evaluation.internal.rectification.StepDeadlines;
import org.onewindow.evaluation.internal.services.ServiceStore;
import org.onewindow.evaluation.internal.services.ServiceStore.Service;
import org.onewindow.intake.IntakeService;
import org.onewindow.online.Citizen;
import org.onewindow.online.CitizenCases;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** {@link Ratings} in the appliance's database: each channel's proof, then one rating per case and stage. */
@Component(service = Ratings.class)
public class JdbcRatings implements Ratings {
    @Reference
    EvaluationStore store;

    @Reference
    WorkingCalendar calendar;

    /** Every rating goes to the city hub, in its own transaction. */
    @Reference
    ChangeJournal journal;

    /** The kiosk's proof (case number and ID suffix) is intake's; without intake the kiosk cannot rate. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile IntakeService intake;

    /** The online hall's citizens' own cases. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile CitizenCases citizenCases;

    private StepDeadlines deadlines;

    @Activate
    void activate() {
        deadlines = new StepDeadlines(calendar, store.config().verifyDays(), store.config().putRightDays(), store.config().followUpDays());
    }

    /** The unit tests' way in. */
    public static JdbcRatings of(EvaluationStore store, WorkingCalendar calendar, ChangeJournal journal) {
        JdbcRatings r = new JdbcRatings();
        r.store = store;
        r.calendar = calendar;
        r.journal = journal;
        r.activate();
        return r;
    }

    @Override
    public ReasonsDTO reasons() {
        return store.tx(RatingStore::reasons);
    }

    @Override
    public List<RatableDTO> forCase(String caseNo, String idSuffix) {
        prove(caseNo, idSuffix);
        return store.tx(c -> ServiceStore.ofCase(c, caseNo).stream().map(this::ratable).toList());
    }

    @Override
    public RatingReceiptDTO rateCase(String caseNo, String idSuffix, NewRatingDTO rating) {
        prove(caseNo, idSuffix);
        return rate(same(rating, caseNo), RatingChannel.KIOSK);
    }

    @Override
    public List<RatableDTO> forCitizen(Citizen citizen) {
        List<String> cases = cases().list(citizen).stream().map(x -> x.caseNo).toList();
        return store.tx(c -> ServiceStore.ofCases(c, cases).stream().map(this::ratable).toList());
    }

    @Override
    public RatingReceiptDTO rateAsCitizen(Citizen citizen, NewRatingDTO rating) {
        if (rating == null || rating.caseNo() == null) {
            throw Problem.badRequest("INVALID_RATING", "请求体须为评价（caseNo、stage、level）");
        }
        cases().get(citizen, rating.caseNo());
        return rate(rating, RatingChannel.ONLINE);
    }

    @Override
    public RatableDTO forLink(String token) {
        return ratable(store.tx(c -> linked(c, token)));
    }

    @Override
    public RatingReceiptDTO rateByLink(String token, NewRatingDTO rating) {
        Service s = store.tx(c -> linked(c, token));
        return rate(same(same(rating, s.caseNo()), s.stage()), RatingChannel.SMS);
    }

    @Override
    public PadViewDTO forPad(String token) {
        Instant now = store.clock().instant();
        return store.tx(c -> {
            PadStore.Pad pad = PadStore.byToken(c, token, now);
            if (pad.windowNo() == null) {
                return new PadViewDTO(pad.id(), null, pad.pairingCode(), false, null, null);
            }
            RatableDTO service = ServiceStore.lastAtWindow(c, pad.windowNo(), padSince(now)).map(this::ratable).orElse(null);
            return new PadViewDTO(pad.id(), null, null, true, pad.windowNo(), service);
        });
    }

    @Override
    public RatingReceiptDTO rateAtPad(String token, NewRatingDTO rating) {
        Instant now = store.clock().instant();
        if (rating == null || rating.caseNo() == null || rating.stage() == null) {
            throw Problem.badRequest("INVALID_RATING", "请求体须为评价（caseNo、stage、level）");
        }
        // the pad's proof and the rating in one transaction
        return rate(rating, RatingChannel.PAD, (c, s) -> {
            PadStore.Pad pad = PadStore.byToken(c, token, now);
            if (pad.windowNo() == null) {
                throw new Problem(ProblemKind.CONFLICT, "PAD_NOT_BOUND", "此评价器尚未绑定窗口，请管理员输入配对码绑定");
            }
            // a pad rates only what was finished at its own window a moment ago
            if (!Objects.equals(s.windowNo(), pad.windowNo()) || s.servedAt().before(padSince(now))) {
                throw nothingToRate();
            }
        });
    }

    @Override
    public PadViewDTO registerPad(String client) {
        Instant now = store.clock().instant();
        return store.tx(c -> {
            PadStore.sweep(c, now.minusSeconds(60L * Math.max(1, store.config().pairingMinutes())));
            PadStore.Registered r = PadStore.register(c, client, now);
            return new PadViewDTO(r.id(), r.token(), r.pairingCode(), false, null, null);
        });
    }

    /** The rating of a stage, whatever the channel proved: once, while open; a bad one opens its rectification. */
    public RatingReceiptDTO rate(NewRatingDTO rating, RatingChannel channel) {
        return rate(rating, channel, (c, s) -> {
        });
    }

    /** A channel's check of the service to rate, in the rating's transaction. */
    private interface Proof {
        void check(Connection c, Service s) throws SQLException;
    }

    private RatingReceiptDTO rate(NewRatingDTO rating, RatingChannel channel, Proof proof) {
        if (rating.stage() == null) {
            throw Problem.badRequest("INVALID_STAGE", "请说明评价的环节（ACCEPTANCE 受理，DELIVERY 办结/出件）");
        }
        Instant now = store.clock().instant();
        return store.tx(c -> {
            Service s = ServiceStore.find(c, rating.caseNo(), rating.stage()).orElseThrow(JdbcRatings::nothingToRate);
            proof.check(c, s);
            if (s.rated()) {
                throw RatingStore.alreadyRated();
            }
            ReasonsDTO reasons = RatingStore.reasons(c);
            RatingRules.Checked checked = RatingRules.check(rating, s.kind(), reasons, s.servedAt().toInstant(), now, store.config().ratingDays());
            long id = RatingStore.add(c, s, channel, checked, reasons.version(), now, store.zone());
            LocalDate today = LocalDate.ofInstant(now, store.zone());
            if (checked.level().bad()) {
                RectificationStore.open(c, id, s.departmentCode(), now, deadlines.verifyDue(today));
            }
            RatingRecords.append(c, journal, id, today);
            store.changed(today);
            return new RatingReceiptDTO(id, s.caseNo(), s.stage(), checked.level().score(), checked.level().label(), checked.level().bad());
        });
    }

    private RatableDTO ratable(Service s) {
        List<RatableDTO.IndicatorDTO> indicators = new ArrayList<>();
        s.kind().indicators().forEach(i -> indicators.add(new RatableDTO.IndicatorDTO(i, i.label())));
        return new RatableDTO(s.caseNo(), s.stage(), s.stage().label(), s.kind(), s.itemName(), s.departmentName(), s.windowNo(),
                s.servedAt().toInstant().toString(), RatingRules.closesAt(s.servedAt().toInstant(), store.config().ratingDays()).toString(),
                s.rated(), List.copyOf(indicators));
    }

    private Timestamp padSince(Instant now) {
        return Timestamp.from(now.minusSeconds(60L * Math.max(1, store.config().padMinutes())));
    }

    private static Service linked(Connection c, String token) throws SQLException {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw linkUnknown();
        }
        List<Long> ids = new ArrayList<>();
        try (var s = c.prepareStatement("SELECT SERVICE_ID FROM EVAL_LINK WHERE TOKEN_HASH = ?")) {
            Jdbc.bind(s, Tokens.hash(token.strip()));
            try (var r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        if (ids.isEmpty()) {
            throw linkUnknown();
        }
        return ServiceStore.byId(c, ids.get(0)).orElseThrow(JdbcRatings::linkUnknown);
    }

    private void prove(String caseNo, String idSuffix) {
        IntakeService cases = intake;
        if (cases == null) {
            throw new Problem(ProblemKind.UNAVAILABLE, "INTAKE_UNAVAILABLE", "办件服务暂不可用，请稍后再试");
        }
        cases.publicStatus(caseNo, idSuffix);
    }

    private CitizenCases cases() {
        CitizenCases c = citizenCases;
        if (c == null) {
            throw new Problem(ProblemKind.UNAVAILABLE, "ONLINE_UNAVAILABLE", "网上办事大厅暂不可用，请稍后再试");
        }
        return c;
    }

    private static NewRatingDTO same(NewRatingDTO r, String caseNo) {
        if (r == null) {
            throw Problem.badRequest("INVALID_RATING", "请求体须为评价（stage、level）");
        }
        if (r.caseNo() != null && !r.caseNo().equals(caseNo)) {
            throw Problem.badRequest("INVALID_RATING", "评价的办件号与所查办件不一致");
        }
        return new NewRatingDTO(caseNo, r.stage(), r.level(), r.indicators(), r.reasons(), r.comment());
    }

    private static NewRatingDTO same(NewRatingDTO r, Stage stage) {
        if (r.stage() != null && r.stage() != stage) {
            throw Problem.badRequest("INVALID_RATING", "此链接只用于评价" + stage.label() + "环节");
        }
        return new NewRatingDTO(r.caseNo(), stage, r.level(), r.indicators(), r.reasons(), r.comment());
    }

    static Problem nothingToRate() {
        return Problem.notFound("NOTHING_TO_RATE", "没有可评价的服务（该环节尚未办理，或不在此处评价）");
    }

    static Problem linkUnknown() {
        return Problem.notFound("LINK_UNKNOWN", "评价链接无效或已过期");
    }
}
