package org.onewindow.db.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * A bundle's persistence unit, as its {@code META-INF/persistence.xml} on the test's class path says, on
 * a test database, with the transactions Aries JPA's resource-local template gives the appliance: a
 * {@code Required} unit of work joins the one open on its thread, {@code RequiresNew} opens another.
 * Tests of races can stop one transaction right after it read an entity ({@link #pauseAfterFind}).
 */
public final class TestJpa implements JpaTemplate, AutoCloseable {
    private final EntityManagerFactory emf;
    private final ThreadLocal<Deque<EntityManager>> open = ThreadLocal.withInitial(ArrayDeque::new);
    private final AtomicReference<Pause> pause = new AtomicReference<>();

    private TestJpa(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /** The unit named {@code unit} over {@code ds}, in place of the appliance's data source service. */
    public static TestJpa of(String unit, DataSource ds) {
        return new TestJpa(Persistence.createEntityManagerFactory(unit, Map.of(
                "javax.persistence.nonJtaDataSource", ds,
                "eclipselink.logging.level", "WARNING")));
    }

    /** The next unit of work that finds an entity of {@code type} (by {@code find}) waits right after it, until released. */
    public Pause pauseAfterFind(Class<?> type) {
        Pause p = new Pause(type);
        pause.set(p);
        return p;
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
        Deque<EntityManager> stack = open.get();
        boolean join = !stack.isEmpty() && switch (type) {
            case Required, Mandatory, Supports -> true;
            case RequiresNew -> false;
            case Never, NotSupported -> throw new UnsupportedOperationException(type + " is not used by OneWindow");
        };
        if (join) {
            return code.apply(stack.peek());
        }
        if (type == TransactionType.Mandatory) {
            throw new IllegalStateException("no transaction open for a Mandatory unit of work");
        }
        EntityManager em = watched(emf.createEntityManager());
        stack.push(em);
        try {
            em.getTransaction().begin();
            R result = code.apply(em);
            em.getTransaction().commit();
            return result;
        } catch (RuntimeException | Error e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            throw e;
        } finally {
            stack.pop();
            em.close();
        }
    }

    @Override
    public void tx(TransactionType type, EmConsumer code) {
        txExpr(type, em -> {
            code.accept(em);
            return null;
        });
    }

    @Override
    public <R> R txExpr(EmFunction<R> code) {
        return txExpr(TransactionType.Required, code);
    }

    @Override
    public void tx(EmConsumer code) {
        tx(TransactionType.Required, code);
    }

    @Override
    public void close() {
        emf.close();
    }

    /** The entity manager, or one that stops after the find a test paused on. */
    private EntityManager watched(EntityManager em) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result;
            try {
                result = method.invoke(em, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            Pause p = pause.get();
            if (p != null && "find".equals(method.getName()) && p.type.equals(args[0]) && pause.compareAndSet(p, null)) {
                p.reached.countDown();
                p.released.await();
            }
            return result;
        };
        return (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EntityManager.class}, handler);
    }

    /** A unit of work held after reading, so that a test can run another one in between. */
    public static final class Pause {
        private final Class<?> type;
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        private Pause(Class<?> type) {
            this.type = type;
        }

        /** Waits until the paused unit of work has read; false if it did not within 10 s. */
        public boolean awaitReached() throws InterruptedException {
            return reached.await(10, TimeUnit.SECONDS);
        }

        public void release() {
            released.countDown();
        }
    }
}
