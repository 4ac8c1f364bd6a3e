import java.nio.file.Files;
import java.nio.file.Path;

public class Main {
    public static void main(String[] args) throws Exception {
        System.out.println("config: " + Files.readString(Path.of("config/app.properties")).trim());
    }
}
