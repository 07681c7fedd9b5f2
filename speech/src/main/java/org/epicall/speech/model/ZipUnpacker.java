package org.epicall.speech.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/** Unpacks model archives (wheels are zips too), refusing entries that would land outside the target. */
final class ZipUnpacker {

    private ZipUnpacker() {
    }

    static void unpack(Path zip, Path target) throws IOException {
        Files.createDirectories(target);
        Path root = target.toAbsolutePath().normalize();
        int entries = 0;
        try (InputStream raw = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(raw)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries++;
                Path out = root.resolve(entry.getName()).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException(zip.getFileName() + ": entry '" + entry.getName() + "' points outside the archive; refusing it");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (ZipException e) {
            throw new IOException(zip.getFileName() + ": not a readable zip archive (" + e.getMessage() + ")", e);
        }
        if (entries == 0) {
            throw new IOException(zip.getFileName() + ": not a zip archive, or an empty one");
        }
    }
}
