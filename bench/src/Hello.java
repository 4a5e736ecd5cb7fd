/** The floor: a JVM that starts, prints one line and exits. */
public final class Hello {
  public static void main(String[] args) {
    System.out.println("hello");
  }
}
