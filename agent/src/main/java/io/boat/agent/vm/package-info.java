/** Hands a decrypted VM image to the hypervisor: the {@code launch} command and the QEMU command line it runs. */
package io.boat.agent.vm;
