package io.boat.kms.secret;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A validated secret listing request: Barbican's filters ({@code name}, {@code alg},
 * {@code mode}, {@code bits}, {@code secret_type}, date filters on {@code created},
 * {@code updated} and {@code expiration}), sort keys and paging.
 */
public record SecretQuery(String name, String algorithm, String mode, Integer bits, String secretType,
                          List<DateFilter> dateFilters, List<SortKey> sort, int offset, int limit) {

    public SecretQuery {
        dateFilters = List.copyOf(dateFilters);
        sort = List.copyOf(sort);
    }

    /** Date fields that can be filtered and sorted on, with their entity attribute names. */
    public enum DateField {
        CREATED("created"), UPDATED("updated"), EXPIRATION("expiration");

        final String attribute;

        DateField(String attribute) {
            this.attribute = attribute;
        }
    }

    /** Barbican's comparison operators: {@code lt}, {@code lte}, {@code gt}, {@code gte}, or equality. */
    public enum Op { LT, LTE, GT, GTE, EQ }

    public record DateFilter(DateField field, Op op, OffsetDateTime value) {
    }

    /** Sortable attributes as Barbican names them. */
    public enum SortField {
        CREATED("created"), UPDATED("updated"), EXPIRATION("expiration"), NAME("name"),
        STATUS("status"), ALGORITHM("algorithm"), BIT_LENGTH("bitLength"), MODE("mode"),
        SECRET_TYPE("secretType");

        final String attribute;

        SortField(String attribute) {
            this.attribute = attribute;
        }
    }

    public record SortKey(SortField field, boolean descending) {
    }
}
