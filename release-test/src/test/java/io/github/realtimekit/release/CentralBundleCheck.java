package io.github.realtimekit.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks a deployment bundle (a Maven repository layout) the way Maven Central checks one, and lists
 * every problem rather than stopping at the first:
 *
 * <ul>
 *   <li>it holds exactly the expected artifacts of the group, in the expected version;</li>
 *   <li>each has its POM, and a {@code jar} artifact its jar, sources jar and Javadoc jar, none empty;</li>
 *   <li>each file has an MD5 and a SHA-1 checksum, and every checksum present matches;</li>
 *   <li>each file has a detached signature ({@code .asc}) that verifies with the given public key;</li>
 *   <li>each POM, with what it inherits from a parent in the bundle, has a name, description, URL,
 *       license, developer, SCM and issue management.</li>
 * </ul>
 */
final class CentralBundleCheck {

  private static final List<String> CHECKSUMS = List.of("md5", "sha1", "sha256", "sha512");
  private static final List<String> REQUIRED_CHECKSUMS = List.of("md5", "sha1");

  private final Path root;
  private final String groupId;
  private final String version;
  private final Set<String> artifactIds;
  private final PGPPublicKey signingKey;
  private final List<String> problems = new ArrayList<>();
  private final Map<String, Element> poms = new LinkedHashMap<>();

  private CentralBundleCheck(Path root, String groupId, String version, Set<String> artifactIds, PGPPublicKey signingKey) {
    this.root = root;
    this.groupId = groupId;
    this.version = version;
    this.artifactIds = artifactIds;
    this.signingKey = signingKey;
  }

  /** The problems found in the bundle unpacked at {@code root}; empty when Central would accept it. */
  static List<String> problems(Path root, String groupId, String version, Set<String> artifactIds,
      PGPPublicKey signingKey) throws IOException {
    CentralBundleCheck check = new CentralBundleCheck(root, groupId, version, artifactIds, signingKey);
    check.run();
    return List.copyOf(check.problems);
  }

  private void run() throws IOException {
    Path group = root.resolve(groupId.replace('.', '/'));
    Set<String> found = new TreeSet<>();
    if (Files.isDirectory(group)) {
      try (Stream<Path> children = Files.list(group)) {
        children.filter(Files::isDirectory).forEach(dir -> found.add(dir.getFileName().toString()));
      }
    }
    for (String artifactId : found) {
      if (!artifactIds.contains(artifactId)) {
        problems.add(artifactId + ": in the bundle, but it is not a published artifact");
      }
    }
    for (String artifactId : new TreeSet<>(artifactIds)) {
      if (!found.contains(artifactId)) {
        problems.add(artifactId + ": missing from the bundle");
      } else {
        checkFiles(artifactId, group.resolve(artifactId).resolve(version));
      }
    }
    for (Map.Entry<String, Element> pom : poms.entrySet()) {
      checkMetadata(pom.getKey(), pom.getValue());
    }
  }

  private void checkFiles(String artifactId, Path dir) throws IOException {
    String base = artifactId + "-" + version;
    Path pomFile = dir.resolve(base + ".pom");
    if (!Files.isRegularFile(pomFile)) {
      problems.add(base + ".pom: missing");
      return;
    }
    Element pom = parse(pomFile);
    if (pom == null) {
      return;
    }
    poms.put(artifactId, pom);
    checkCoordinates(base + ".pom", pom, artifactId);

    List<String> expected = new ArrayList<>(List.of(base + ".pom"));
    if ("jar".equals(text(pom, "packaging", "jar"))) {
      expected.addAll(List.of(base + ".jar", base + "-sources.jar", base + "-javadoc.jar"));
    }
    for (String name : expected) {
      Path file = dir.resolve(name);
      if (!Files.isRegularFile(file)) {
        problems.add(name + ": missing");
        continue;
      }
      if (name.endsWith(".jar")) {
        checkNotEmpty(name, file);
      }
      checkChecksums(name, file);
      checkSignature(name, file);
    }
  }

  private void checkCoordinates(String name, Element pom, String artifactId) {
    Element parent = child(pom, "parent");
    String pomGroup = text(pom, "groupId", parent == null ? null : text(parent, "groupId", null));
    String pomVersion = text(pom, "version", parent == null ? null : text(parent, "version", null));
    if (!groupId.equals(pomGroup) || !artifactId.equals(text(pom, "artifactId", null)) || !version.equals(pomVersion)) {
      problems.add(name + ": its coordinates " + pomGroup + ":" + text(pom, "artifactId", null) + ":" + pomVersion
          + " are not those of its place in the bundle");
    }
  }

  private void checkNotEmpty(String name, Path jar) throws IOException {
    int files = 0;
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        if (!entry.isDirectory() && !entry.getName().startsWith("META-INF/")) {
          files++;
        }
        zip.transferTo(OutputStream.nullOutputStream());
      }
    } catch (ZipException e) {
      problems.add(name + ": not a readable jar (" + e.getMessage() + ")");
      return;
    }
    if (files == 0) {
      problems.add(name + ": holds no files");
    }
  }

  private void checkChecksums(String name, Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    for (String algorithm : CHECKSUMS) {
      Path sum = file.resolveSibling(name + "." + algorithm);
      if (!Files.isRegularFile(sum)) {
        if (REQUIRED_CHECKSUMS.contains(algorithm)) {
          problems.add(name + ": no ." + algorithm + " checksum");
        }
        continue;
      }
      String recorded = Files.readString(sum).trim().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
      if (!recorded.equals(digest(algorithm, bytes))) {
        problems.add(name + ": its ." + algorithm + " checksum does not match the file");
      }
    }
  }

  private void checkSignature(String name, Path file) throws IOException {
    Path asc = file.resolveSibling(name + ".asc");
    if (!Files.isRegularFile(asc)) {
      problems.add(name + ": not signed (no .asc)");
      return;
    }
    try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(asc))) {
      Object object = new JcaPGPObjectFactory(in).nextObject();
      if (!(object instanceof PGPSignatureList) || ((PGPSignatureList) object).isEmpty()) {
        problems.add(name + ".asc: not an OpenPGP signature");
        return;
      }
      PGPSignature signature = ((PGPSignatureList) object).get(0);
      if (signature.getKeyID() != signingKey.getKeyID()) {
        problems.add(name + ".asc: made with another key (" + Long.toHexString(signature.getKeyID()) + ")");
        return;
      }
      signature.init(new JcaPGPContentVerifierBuilderProvider().setProvider(ThrowawayKey.PROVIDER), signingKey);
      signature.update(Files.readAllBytes(file));
      if (!signature.verify()) {
        problems.add(name + ".asc: the signature does not verify");
      }
    } catch (PGPException | IOException | RuntimeException e) {
      problems.add(name + ".asc: unreadable signature (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** What Central requires of a POM; a value may come from the parent POM, when the bundle holds it. */
  private void checkMetadata(String artifactId, Element pom) {
    String name = artifactId + "-" + version + ".pom";
    if (text(pom, "name", "").isBlank()) {
      problems.add(name + ": no <name>");
    }
    require(name, pom, "description", p -> !text(p, "description", "").isBlank());
    require(name, pom, "url", p -> !text(p, "url", "").isBlank());
    require(name, pom, "licenses", p -> all(p, "licenses", "license", l -> !text(l, "name", "").isBlank()
        && !text(l, "url", "").isBlank()));
    require(name, pom, "developers", p -> all(p, "developers", "developer", d -> !text(d, "name", "").isBlank()));
    require(name, pom, "scm", p -> child(p, "scm") != null && !text(child(p, "scm"), "url", "").isBlank()
        && !text(child(p, "scm"), "connection", "").isBlank());
    require(name, pom, "issueManagement", p -> child(p, "issueManagement") != null
        && !text(child(p, "issueManagement"), "url", "").isBlank());
  }

  private interface PomTest {
    boolean test(Element pom);
  }

  private void require(String name, Element pom, String element, PomTest present) {
    for (Element p = pom; p != null; p = parentInBundle(p)) {
      if (child(p, element) != null) {
        // The nearest POM that declares the element decides, as in Maven's inheritance.
        if (!present.test(p)) {
          problems.add(name + ": <" + element + "> is incomplete");
        }
        return;
      }
    }
    problems.add(name + ": no <" + element + ">");
  }

  private Element parentInBundle(Element pom) {
    Element parent = child(pom, "parent");
    if (parent == null || !groupId.equals(text(parent, "groupId", null)) || !version.equals(text(parent, "version", null))) {
      return null;
    }
    return poms.get(text(parent, "artifactId", null));
  }

  private interface ElementTest {
    boolean test(Element element);
  }

  private static boolean all(Element pom, String list, String item, ElementTest test) {
    Element container = child(pom, list);
    if (container == null) {
      return false;
    }
    int count = 0;
    for (Node n = container.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element && item.equals(((Element) n).getTagName())) {
        count++;
        if (!test.test((Element) n)) {
          return false;
        }
      }
    }
    return count > 0;
  }

  private Element parse(Path pom) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document document = factory.newDocumentBuilder().parse(pom.toFile());
      return document.getDocumentElement();
    } catch (Exception e) {
      problems.add(pom.getFileName() + ": not a readable POM (" + e.getClass().getSimpleName() + ")");
      return null;
    }
  }

  private static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element && name.equals(((Element) n).getTagName())) {
        return (Element) n;
      }
    }
    return null;
  }

  private static String text(Element parent, String name, String otherwise) {
    Element child = child(parent, name);
    return child == null ? otherwise : child.getTextContent().trim();
  }

  static String digest(String algorithm, byte[] bytes) {
    String jca = switch (algorithm) {
      case "md5" -> "MD5";
      case "sha1" -> "SHA-1";
      case "sha256" -> "SHA-256";
      case "sha512" -> "SHA-512";
      default -> throw new IllegalArgumentException(algorithm);
    };
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(jca).digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
