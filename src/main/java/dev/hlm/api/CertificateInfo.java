package dev.hlm.api;

/**
 * {@code links.certificate_info}: the PSC certificate the cloud vCenter saw, carried as the data of an
 * UNVERIFIED_PEER error (INVALID_REQUEST on 6.7). The thumbprint is SHA-256, upper case, colon-separated.
 *
 * @param sslCertificate the PEM leaf certificate, vSphere 9.0 and later only
 */
public record CertificateInfo(String sslThumbprint, String sslCertificate) {}
