package org.eventregistry.search;

import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.en.PorterStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.ngram.EdgeNGramFilterFactory;
import org.apache.lucene.analysis.sr.SerbianNormalizationFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

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

    private Analysis() {
    }

    /** The embedded engine's analysers. */
    static final class Lucene implements LuceneAnalysisConfigurer {
        @Override
        public void configure(LuceneAnalysisConfigurationContext context) {
            context.analyzer(FOLDED).custom()
                    .tokenizer(StandardTokenizerFactory.class)
                    .tokenFilter(LowerCaseFilterFactory.class)
                    .tokenFilter(SerbianNormalizationFilterFactory.class)
                    .tokenFilter(ASCIIFoldingFilterFactory.class);
            context.analyzer(ENGLISH).custom()
                    .tokenizer(StandardTokenizerFactory.class)
                    .tokenFilter(LowerCaseFilterFactory.class)
                    .tokenFilter(SerbianNormalizationFilterFactory.class)
                    .tokenFilter(ASCIIFoldingFilterFactory.class)
                    .tokenFilter(PorterStemFilterFactory.class);
            context.analyzer(PREFIX).custom()
                    .tokenizer(StandardTokenizerFactory.class)
                    .tokenFilter(LowerCaseFilterFactory.class)
                    .tokenFilter(SerbianNormalizationFilterFactory.class)
                    .tokenFilter(ASCIIFoldingFilterFactory.class)
                    .tokenFilter(EdgeNGramFilterFactory.class)
                    .param("minGramSize", "1").param("maxGramSize", String.valueOf(LONGEST_PREFIX));
        }
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
