package io.mcpgateway.bootstrap.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the agent made of one hostile input: the value it parsed or the exception it threw, and
 * whatever it logged or printed meanwhile. The parser runs under a deadline, so a hang fails the
 * try instead of the build.
 */
public final class ParseOutcome<T> {

  /** Parsing takes microseconds; this is far above that even on a loaded machine. */
  public static final Duration DEADLINE = Duration.ofSeconds(5);

  private static final ExecutorService PARSERS = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "hostile-input");
    thread.setDaemon(true); // a parser that never returns must not keep the test JVM alive
    return thread;
  });

  private final T value;
  private final Throwable failure;
  private final String output;

  private ParseOutcome(T value, Throwable failure, String output) {
    this.value = value;
    this.failure = failure;
    this.output = output;
  }

  /** Runs {@code parser}, capturing its output; fails the try when it does not finish within {@link #DEADLINE}. */
  public static <T> ParseOutcome<T> of(Callable<T> parser) {
    try (OutputCapture capture = new OutputCapture()) {
      Future<T> running = PARSERS.submit(parser);
      try {
        return new ParseOutcome<>(running.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS), null, capture.text());
      } catch (ExecutionException e) {
        return new ParseOutcome<>(null, e.getCause(), capture.text());
      } catch (TimeoutException e) {
        running.cancel(true);
        return fail("did not finish within " + DEADLINE.toSeconds() + " s");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return fail("interrupted");
      }
    }
  }

  public boolean accepted() {
    return failure == null;
  }

  /** The parsed value; fails when the input was refused. */
  public T value() {
    if (failure != null) {
      fail("expected the input to be accepted, but it was refused: " + failure, failure);
    }
    return value;
  }

  /**
   * The refusal, checked: a {@link BootstrapException} (nothing else) with one of {@code reasons}
   * and a message that is one non-empty printable line.
   */
  public BootstrapException refusal(Reason... reasons) {
    if (failure == null) {
      fail("expected a refusal, but the input was accepted as " + value);
    }
    if (!(failure instanceof BootstrapException refused)) {
      return fail("expected a BootstrapException, got " + failure, failure);
    }
    assertTrue(List.of(reasons).contains(refused.reason()), "reason " + refused.reason() + ": " + refused.getMessage());
    String message = refused.getMessage();
    assertFalse(message == null || message.isBlank(), "a refusal says why");
    assertEquals(-1, firstLineBreakOrControl(message), () -> "one printable line: " + message.replaceAll("\\p{Cntrl}", "\\\\c"));
    return refused;
  }

  /** Fails when the message or anything logged or printed contains one of {@code secrets}, in any case. */
  public ParseOutcome<T> showsNone(String... secrets) {
    String message = failure == null ? "" : String.valueOf(failure.getMessage());
    for (String secret : secrets) {
      if (secret == null || secret.isEmpty()) {
        continue;
      }
      assertFalse(containsIgnoringCase(message, secret), () -> "the message shows a secret: " + message);
      assertFalse(containsIgnoringCase(output, secret), () -> "the output shows a secret: " + output);
    }
    return this;
  }

  /** What was logged or printed while parsing. */
  public String output() {
    return output;
  }

  private static boolean containsIgnoringCase(String text, String part) {
    return text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
  }

  private static int firstLineBreakOrControl(String message) {
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return failure == null ? "accepted: " + value : "refused: " + failure;
  }
}
