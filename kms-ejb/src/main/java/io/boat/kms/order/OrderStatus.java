package io.boat.kms.order;

/** Barbican's order states: PENDING until processed, then ACTIVE or ERROR for good. */
public enum OrderStatus { PENDING, ACTIVE, ERROR }
