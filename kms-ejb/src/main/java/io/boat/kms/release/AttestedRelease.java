package io.boat.kms.release;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one business method that hands out a secret's payload, so {@link AttestedReleaseInterceptor}
 * enforces the secret's release policy and, for a named host, wraps the payload to its TPM.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AttestedRelease {
}
