package org.eie.workflows.security.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The sign-in page speaks the user's language, each of the five, and every word of it. */
@Tag("fast")
class SignInPageTest {

  @Test
  void theBrowsersFirstLanguageOfTheFiveElseEnglish() {
    assertThat(SignInPage.languageOf("ar,en;q=0.5")).isEqualTo(Locale.forLanguageTag("ar"));
    assertThat(SignInPage.languageOf("pt-BR,pt;q=0.9")).isEqualTo(Locale.forLanguageTag("pt"));
    assertThat(SignInPage.languageOf("de-DE,es;q=0.8")).isEqualTo(Locale.forLanguageTag("es"));
    assertThat(SignInPage.languageOf("de")).isEqualTo(Locale.ENGLISH);
    assertThat(SignInPage.languageOf(";;;q=x")).isEqualTo(Locale.ENGLISH);
    assertThat(SignInPage.languageOf(null)).isEqualTo(Locale.ENGLISH);
  }

  @Test
  void everyLanguageHasEveryWord() throws IOException {
    Properties english = bundle("");
    for (String language : List.of("fr", "es", "pt", "ar")) {
      assertThat(bundle("_" + language).stringPropertyNames()).as(language)
          .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }
  }

  private static Properties bundle(String suffix) throws IOException {
    var properties = new Properties();
    try (var in = SignInPageTest.class.getClassLoader()
        .getResourceAsStream("templates/signin/messages" + suffix + ".properties")) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
