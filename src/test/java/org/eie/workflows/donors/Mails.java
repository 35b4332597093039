package org.eie.workflows.donors;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** What a donor reads in a received e-mail: its text and its PDF attachments. */
public final class Mails {

  private Mails() {
  }

  public static String text(MimeMessage message) {
    try {
      return textOf(message);
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static List<byte[]> pdfAttachments(MimeMessage message) {
    try {
      var found = new ArrayList<byte[]>();
      collectPdfs(message, found);
      return found;
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String textOf(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      return (String) part.getContent();
    }
    if (part.getContent() instanceof Multipart multipart) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        text.append(textOf(multipart.getBodyPart(i)));
      }
      return text.toString();
    }
    return "";
  }

  private static void collectPdfs(Part part, List<byte[]> found)
      throws MessagingException, IOException {
    if (part.isMimeType("application/pdf")) {
      found.add(part.getInputStream().readAllBytes());
    } else if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        collectPdfs(multipart.getBodyPart(i), found);
      }
    }
  }
}
