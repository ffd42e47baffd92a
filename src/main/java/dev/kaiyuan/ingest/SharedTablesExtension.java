package dev.kaiyuan.ingest;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.tables.internal.TableParagraphPreProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessor;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessorFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import java.util.Set;

/**
 * flexmark's tables extension, whose paragraph pre-processor is made once per parser instead of
 * once per document: each one compiled its separator row's pattern anew, from a format string
 * (185 ms of CPU for 10,000 articles). The pre-processor (flexmark 0.64) holds only its options and
 * that pattern, both read from the parser's options, and keeps nothing of a document between
 * paragraphs (each comes with the state it is parsed in), so one serves every document, on every
 * thread, of the parser it was made for. The renderer's part is the extension's own.
 */
final class SharedTablesExtension extends TablesExtension {
    @Override
    public void extend(Parser.Builder parserBuilder) {
        parserBuilder.paragraphPreProcessorFactory(new OnePerParser(TableParagraphPreProcessor.Factory()));
    }

    /** The factory's first pre-processor, for every document after it. */
    private static final class OnePerParser implements ParagraphPreProcessorFactory {
        private final ParagraphPreProcessorFactory factory;
        /** Made from the first document's options, which are the parser's (a race makes two alike). */
        private volatile ParagraphPreProcessor made;

        OnePerParser(ParagraphPreProcessorFactory factory) {
            this.factory = factory;
        }

        @Override
        public ParagraphPreProcessor apply(ParserState state) {
            ParagraphPreProcessor one = made;
            if (one == null) {
                one = factory.apply(state);
                made = one;
            }
            return one;
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return factory.getAfterDependents();
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return factory.getBeforeDependents();
        }

        @Override
        public boolean affectsGlobalScope() {
            return factory.affectsGlobalScope();
        }
    }
}
