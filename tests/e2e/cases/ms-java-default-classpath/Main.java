import java.util.List;

public class Main {
    static class Greeter {
        String greet(String name) { return "hello, " + name; }
    }

    interface Shape { double area(); }

    public static void main(String[] args) {
        Greeter greeter = new Greeter();
        Shape square = () -> 4.0;
        Shape circle = new Shape() { public double area() { return 3.0; } };
        System.out.println(greeter.greet("default classpath"));
        System.out.println("areas: " + List.of(square.area(), circle.area()));
    }
}
