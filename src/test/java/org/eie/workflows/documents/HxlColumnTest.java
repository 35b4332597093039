package org.eie.workflows.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The one HXL vocabulary holds to the hashtags and attributes docs/hxl.md lists. */
@Tag("fast")
class HxlColumnTest {

  private static final Path DOCS = Path.of("docs", "hxl.md");

  @Test
  void everyHashtagIsAnHxlCoreHashtag() throws IOException {
    Set<String> core = listed(section("## HXL core hashtags", "## Attributes"), "#");
    assertThat(core).contains("#activity", "#country", "#value", "#targeted", "#org");
    for (HxlColumn column : HxlColumn.values()) {
      assertThat(column.tag()).as(column.name()).isIn(core);
    }
  }

  @Test
  void everyAttributeIsListedWithItsReason() throws IOException {
    Set<String> attributes = listed(section("## Attributes", null), "+");
    for (HxlColumn column : HxlColumn.values()) {
      for (String attribute : column.attributes()) {
        assertThat("+" + attribute).as(column.hashtag()).isIn(attributes);
      }
    }
  }

  @Test
  void oneColumnOneHeaderOneHashtag() {
    Set<String> headers = new HashSet<>();
    Set<String> hashtags = new HashSet<>();
    for (HxlColumn column : HxlColumn.values()) {
      assertThat(headers.add(column.header())).as(column.header()).isTrue();
      // Attributes are unordered in HXL: the same set twice is the same hashtag.
      String[] parts = column.hashtag().split("\\+");
      Arrays.sort(parts, 1, parts.length);
      assertThat(hashtags.add(String.join("+", parts))).as(column.hashtag()).isTrue();
      assertThat(column.hashtag()).matches("#[a-z][a-z0-9_]*(\\+[a-z][a-z0-9_]*)*");
    }
  }

  @Test
  void amountsHaveTwoDecimalsWhateverTheirScale() {
    String row = new Csv().amount(new java.math.BigDecimal("350000.0"))
        .amount(new java.math.BigDecimal("60000.00")).amount(new java.math.BigDecimal("1E+6"))
        .amount(new java.math.BigDecimal("-1250.5")).amount(null).endRow().toString();
    assertThat(row).isEqualTo("350000.00,60000.00,1000000.00,-1250.50,\r\n");
  }

  private static String section(String from, String to) throws IOException {
    String text = Files.readString(DOCS);
    int start = text.indexOf(from);
    assertThat(start).as(from + " in " + DOCS).isNotNegative();
    int end = to == null ? text.length() : text.indexOf(to, start);
    return text.substring(start, end);
  }

  private static Set<String> listed(String text, String sign) {
    Set<String> found = new HashSet<>();
    Matcher matcher = Pattern.compile("`(" + Pattern.quote(sign) + "[a-z_][a-z0-9_]*)`")
        .matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }
}
