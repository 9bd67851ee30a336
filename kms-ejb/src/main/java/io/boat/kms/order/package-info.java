/** Key orders: persisted PENDING, processed off the request thread after commit, recovered after a crash, and ended ACTIVE with one key or ERROR with a reason. */
package io.boat.kms.order;
