/** Barbican's /v1/orders: order requests parsed, orders rendered. */
package io.boat.kms.web.order;
