package io.boat.it.faults;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Binds {@link SlowOrdersInterceptor}; {@link SlowOrdersExtension} puts it on order processing. */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface SlowOrders {

    /** The binding as a value, for adding it to an annotated type. */
    final class Literal extends AnnotationLiteral<SlowOrders> implements SlowOrders {
        public static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;
    }
}
