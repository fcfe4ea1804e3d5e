import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Run by the build (a source file, not part of any jar): rewrites the CLI jar with its entries stored, not
 * deflated. A start with the default options reads some four thousand classes out of the jar, and
 * inflating them was a part of it: 1,529 -> 1,452 and 1,546 -> 1,381 ms to the first answer, medians of
 * alternating starts of the two jars (bench/results/mock-2026-12-02.md, sixth session). The jar grows
 * from 9.5 to 25 MB, a file nobody downloads. Entries keep their order, times and attributes.
 * Usage: {@code java StoredJar.java JAR}
 */
public final class StoredJar {

  public static void main(String[] args) throws IOException {
    Path jar = Path.of(args[0]);
    Path stored = jar.resolveSibling(jar.getFileName() + ".stored");
    try (ZipFile in = new ZipFile(jar.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(stored))) {
      for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
        ZipEntry entry = entries.nextElement();
        byte[] bytes;
        try (InputStream content = in.getInputStream(entry)) {
          bytes = content.readAllBytes();
        }
        out.putNextEntry(storedCopy(entry, bytes));
        out.write(bytes);
        out.closeEntry();
      }
    }
    Files.move(stored, jar, StandardCopyOption.REPLACE_EXISTING);
  }

  private static ZipEntry storedCopy(ZipEntry entry, byte[] bytes) {
    ZipEntry copy = new ZipEntry(entry.getName());
    copy.setMethod(ZipEntry.STORED);
    copy.setSize(bytes.length);
    copy.setCompressedSize(bytes.length);
    CRC32 crc = new CRC32();
    crc.update(bytes);
    copy.setCrc(crc.getValue());
    copy.setTime(entry.getTime());
    if (entry.getExtra() != null) {
      copy.setExtra(entry.getExtra());
    }
    copy.setComment(entry.getComment());
    return copy;
  }
}
