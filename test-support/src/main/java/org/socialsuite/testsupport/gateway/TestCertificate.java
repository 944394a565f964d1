package org.socialsuite.testsupport.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for 127.0.0.1 and social.localhost, made with the JDK's keytool for one
 * test run: its PEM files for a server (nginx), and a PKCS12 trust store holding it for the test's
 * clients, so they verify the server they speak to instead of trusting anything.
 */
public record TestCertificate(Path certificate, Path privateKey, Path trustStore) {

    public static final String PASSWORD = "test-only";
    private static final String ALIAS = "gateway";

    public static TestCertificate create(Path directory) {
        try {
            Files.createDirectories(directory);
            Path keyStore = directory.resolve("gateway.p12");
            Files.deleteIfExists(keyStore);
            keytool(
                    "-genkeypair",
                    "-alias",
                    ALIAS,
                    "-keyalg",
                    "EC",
                    "-groupname",
                    "secp256r1",
                    "-dname",
                    "CN=social.localhost",
                    "-ext",
                    "SAN=dns:social.localhost,ip:127.0.0.1",
                    "-validity",
                    "2",
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    keyStore.toString(),
                    "-storepass",
                    PASSWORD);
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                store.load(in, PASSWORD.toCharArray());
            }
            Path certificate = directory.resolve("gateway.crt");
            Path privateKey = directory.resolve("gateway.key");
            Files.writeString(
                    certificate, pem("CERTIFICATE", store.getCertificate(ALIAS).getEncoded()));
            Files.writeString(
                    privateKey,
                    pem("PRIVATE KEY", store.getKey(ALIAS, PASSWORD.toCharArray()).getEncoded()));
            Path trustStore = directory.resolve("gateway-trust.p12");
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry(ALIAS, store.getCertificate(ALIAS));
            try (var out = Files.newOutputStream(trustStore)) {
                trust.store(out, PASSWORD.toCharArray());
            }
            return new TestCertificate(certificate, privateKey, trustStore);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the test certificate", e);
        }
    }

    /**
     * The base64 SHA-256 of the certificate's public key: what Chromium's {@code
     * --ignore-certificate-errors-spki-list} takes to trust this certificate and no other.
     */
    public String spkiSha256() {
        try (InputStream in = Files.newInputStream(trustStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            byte[] spki = store.getCertificate(ALIAS).getPublicKey().getEncoded();
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(spki));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the test certificate", e);
        }
    }

    private static void keytool(String... arguments) throws IOException {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "keytool")
                                        .toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while making the test certificate", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN "
                + type
                + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END "
                + type
                + "-----\n";
    }
}
