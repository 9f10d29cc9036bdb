package org.eventregistry.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.ngram.EdgeNGramFilterFactory;
import org.apache.lucene.analysis.sr.SerbianNormalizationFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;
import org.hibernate.search.backend.lucene.analysis.model.dsl.LuceneAnalysisOptionalComponentsStep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The analysers, defined alike for both engines. Every one lower-cases, turns Serbian Cyrillic into Latin and
 * drops diacritics (Јовановић, Jovanović, JOVANOVIC all become jovanovic); {@link #ENGLISH} also stems
 * (conferences, conference); {@link #PREFIX} indexes the beginnings of words for type-ahead.
 */
final class Analysis {

    static final String ENGLISH = "english";
    static final String FOLDED = "folded";
    static final String PREFIX = "prefix";
    static final int LONGEST_PREFIX = 20;

    /** The filters after the standard tokenizer that fold a word: lower case, Latin script, no diacritics. */
    private static final List<Class<? extends TokenFilterFactory>> FOLDING = List.of(
            LowerCaseFilterFactory.class, SerbianNormalizationFilterFactory.class, ASCIIFoldingFilterFactory.class);

    private static final Analyzer ENGLISH_ANALYZER = englishAnalyzer();

    private Analysis() {
    }

    /** {@link #ENGLISH} outside the engine, for snippets (thread-safe). */
    static Analyzer english() {
        return ENGLISH_ANALYZER;
    }

    private static Analyzer englishAnalyzer() {
        try {
            CustomAnalyzer.Builder builder = CustomAnalyzer.builder().withTokenizer(StandardTokenizerFactory.class);
            for (Class<? extends TokenFilterFactory> filter : FOLDING) {
                builder.addTokenFilter(filter);
            }
            return builder.addTokenFilter(PorterStemFilterFactory.class).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The embedded engine's analysers. */
    static final class Lucene implements LuceneAnalysisConfigurer {
        @Override
        public void configure(LuceneAnalysisConfigurationContext context) {
            folding(context.analyzer(FOLDED).custom().tokenizer(StandardTokenizerFactory.class));
            folding(context.analyzer(ENGLISH).custom().tokenizer(StandardTokenizerFactory.class))
                    .tokenFilter(PorterStemFilterFactory.class);
            folding(context.analyzer(PREFIX).custom().tokenizer(StandardTokenizerFactory.class))
                    .tokenFilter(EdgeNGramFilterFactory.class)
                    .param("minGramSize", "1").param("maxGramSize", String.valueOf(LONGEST_PREFIX));
        }
    }

    private static LuceneAnalysisOptionalComponentsStep folding(LuceneAnalysisOptionalComponentsStep analyzer) {
        LuceneAnalysisOptionalComponentsStep step = analyzer;
        for (Class<? extends TokenFilterFactory> filter : FOLDING) {
            step = step.tokenFilter(filter);
        }
        return step;
    }

    /** The same analysers on OpenSearch, from its built-in filters. */
    static final class OpenSearch implements ElasticsearchAnalysisConfigurer {
        @Override
        public void configure(ElasticsearchAnalysisConfigurationContext context) {
            context.tokenFilter("prefix_edge").type("edge_ngram").param("min_gram", 1).param("max_gram", LONGEST_PREFIX);
            context.analyzer(FOLDED).custom().tokenizer("standard")
                    .tokenFilters("lowercase", "serbian_normalization", "asciifolding");
            context.analyzer(ENGLISH).custom().tokenizer("standard")
                    .tokenFilters("lowercase", "serbian_normalization", "asciifolding", "porter_stem");
            context.analyzer(PREFIX).custom().tokenizer("standard")
                    .tokenFilters("lowercase", "serbian_normalization", "asciifolding", "prefix_edge");
        }
    }
}
