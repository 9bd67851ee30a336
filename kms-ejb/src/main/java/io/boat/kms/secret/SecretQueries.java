package io.boat.kms.secret;

import io.boat.kms.project.ProjectId;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Turns a {@link SecretQuery} into criteria queries over one project's live secrets. */
@Dependent
public class SecretQueries {

    @PersistenceContext(unitName = "boat")
    EntityManager em;

    Page<SecretView> list(ProjectId projectId, SecretQuery q, OffsetDateTime now) {
        CriteriaBuilder cb = em.getCriteriaBuilder();

        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<SecretEntity> countRoot = count.from(SecretEntity.class);
        count.select(cb.count(countRoot)).where(predicates(cb, countRoot, projectId, q, now));
        long total = em.createQuery(count).getSingleResult();

        CriteriaQuery<SecretEntity> select = cb.createQuery(SecretEntity.class);
        Root<SecretEntity> root = select.from(SecretEntity.class);
        select.select(root).where(predicates(cb, root, projectId, q, now)).orderBy(order(cb, root, q));
        List<SecretView> items = em.createQuery(select).setFirstResult(q.offset()).setMaxResults(q.limit())
                .getResultStream().map(SecretView::of).toList();
        return new Page<>(items, total);
    }

    private static Predicate[] predicates(CriteriaBuilder cb, Root<SecretEntity> r, ProjectId projectId,
                                          SecretQuery q, OffsetDateTime now) {
        List<Predicate> p = new ArrayList<>();
        p.add(cb.equal(r.get("projectId"), projectId.value()));
        p.add(cb.or(cb.isNull(r.get("expiration")), cb.greaterThan(r.get("expiration"), now)));
        if (q.name() != null) {
            p.add(cb.equal(r.get("name"), q.name()));
        }
        if (q.algorithm() != null) {
            p.add(cb.equal(cb.lower(r.get("algorithm")), q.algorithm().toLowerCase(java.util.Locale.ROOT)));
        }
        if (q.mode() != null) {
            p.add(cb.equal(cb.lower(r.get("mode")), q.mode().toLowerCase(java.util.Locale.ROOT)));
        }
        if (q.bits() != null) {
            p.add(cb.equal(r.get("bitLength"), q.bits()));
        }
        if (q.secretType() != null) {
            p.add(cb.equal(r.get("secretType"), q.secretType()));
        }
        for (SecretQuery.DateFilter f : q.dateFilters()) {
            Path<OffsetDateTime> attr = r.get(f.field().attribute);
            p.add(switch (f.op()) {
                case LT -> cb.lessThan(attr, f.value());
                case LTE -> cb.lessThanOrEqualTo(attr, f.value());
                case GT -> cb.greaterThan(attr, f.value());
                case GTE -> cb.greaterThanOrEqualTo(attr, f.value());
                case EQ -> cb.equal(attr, f.value());
            });
        }
        return p.toArray(Predicate[]::new);
    }

    private static List<Order> order(CriteriaBuilder cb, Root<SecretEntity> r, SecretQuery q) {
        List<Order> orders = new ArrayList<>();
        for (SecretQuery.SortKey k : q.sort()) {
            Path<?> attr = r.get(k.field().attribute);
            orders.add(k.descending() ? cb.desc(attr) : cb.asc(attr));
        }
        // Barbican lists oldest first; the id makes paging stable when timestamps tie.
        orders.add(cb.asc(r.get("created")));
        orders.add(cb.asc(r.get("id")));
        return orders;
    }
}
