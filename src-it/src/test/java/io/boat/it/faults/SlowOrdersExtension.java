package io.boat.it.faults;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;

/**
 * A CDI extension that a test adds to the server (a library jar, {@code --addlibs}): registers
 * {@link SlowOrdersInterceptor} and binds it to {@code SecretService.generate}, by name, since this
 * jar sits outside the application and cannot see its classes. Only order processing generates
 * keys: on the database store inside a batch's open transaction (a kill during the delay rolls the
 * batch back), on KMIP after recording the attempt, outside any transaction (a kill leaves a PENDING
 * order with an attempt begun). Either way, as a crash mid-processing would.
 * Production code knows nothing of it.
 */
public class SlowOrdersExtension implements Extension {

    static final String TARGET_CLASS = "io.boat.kms.secret.SecretService";
    static final String TARGET_METHOD = "generate";

    void register(@Observes BeforeBeanDiscovery discovery, BeanManager beans) {
        discovery.addAnnotatedType(beans.createAnnotatedType(SlowOrdersInterceptor.class),
                SlowOrdersInterceptor.class.getName());
    }

    <T> void bind(@Observes ProcessAnnotatedType<T> type) {
        if (type.getAnnotatedType().getJavaClass().getName().equals(TARGET_CLASS)) {
            type.configureAnnotatedType()
                    .filterMethods(m -> m.getJavaMember().getName().equals(TARGET_METHOD))
                    .forEach(m -> m.add(SlowOrders.Literal.INSTANCE));
        }
    }
}
