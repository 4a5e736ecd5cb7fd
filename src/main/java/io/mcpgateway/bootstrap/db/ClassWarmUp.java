package io.mcpgateway.bootstrap.db;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import java.util.List;

/**
 * Helpers for {@link Vendor#warmUp()}: class initialization is thread-safe (whoever comes first
 * does it, the other waits), so warming a class on a background thread changes no behaviour.
 * Library-internal class names are hints: one that disappears in an upgrade is skipped.
 */
public final class ClassWarmUp {

  /** What every socket connection needs: the buffer allocator and the channel id's host scan. */
  private static final List<String> SOCKET_CLASSES = List.of(
      "io.vertx.core.impl.buffer.VertxByteBufAllocator", "io.netty.channel.DefaultChannelId");

  private ClassWarmUp() {
  }

  /** Loads and initializes each class that exists; never fails. */
  public static void initialize(List<String> classNames) {
    ClassLoader loader = ClassWarmUp.class.getClassLoader();
    for (String name : classNames) {
      try {
        Class.forName(name, true, loader);
      } catch (ClassNotFoundException | LinkageError renamed) {
        // a hint that no longer applies; the real path loads what it needs and reports its failure
      }
    }
  }

  /**
   * A server's protocol classes, then the socket's: those share Netty's platform set-up, which the
   * main thread is doing while Vert.x starts, so warming them first would only wait for it.
   */
  public static void serverConnection(List<String> protocolClasses) {
    initialize(protocolClasses);
    initialize(SOCKET_CLASSES);
    try {
      ChannelInitializer.class.isAnnotationPresent(ChannelHandler.Sharable.class); // builds the annotation proxy Netty checks
    } catch (RuntimeException | LinkageError ignored) {
      // nothing lost: Netty does it again on the event loop
    }
  }
}
