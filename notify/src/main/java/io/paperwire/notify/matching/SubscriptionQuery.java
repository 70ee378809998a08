package io.paperwire.notify.matching;

import java.io.StringReader;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.charstream.FastCharStream;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.QueryParserConstants;
import org.apache.lucene.queryparser.classic.QueryParserTokenManager;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

/**
 * A validated subscription query: Lucene classic query syntax over {@code title}, {@code abstract},
 * {@code keywords}, {@code tags}, {@code authors} and {@code categories}; bare terms search title, abstract and
 * keywords (the hidden {@link PaperField#TEXT} field). Terms are combined with OR unless written with AND, +, NOT
 * or -, as in Lucene; several words of one unquoted term ({@code title:state-of-the-art}) become a phrase.
 *
 * <p>In: the string a subscriber typed. Out: the analysed Lucene {@link #query()} and its {@link #normalized()}
 * form, equal for queries that match the same way once analysed ({@code Transformers} and {@code transformer}),
 * which is the key the matcher deduplicates on. Refused with a {@link QueryValidationException}: empty queries,
 * syntax errors, unknown fields, leading wildcards, fewer than two characters before a wildcard, fuzzy terms,
 * ranges, regular expressions, {@code *:*}, queries made only of stop words, and (sub)queries made only of NOT
 * clauses, which match nothing in Lucene.
 */
public final class SubscriptionQuery {

    /** Longest query accepted, in characters. */
    public static final int MAX_LENGTH = 2_000;
    /** Most term/phrase clauses accepted in one query. */
    public static final int MAX_CLAUSES = 64;

    private static final Pattern LEXICAL_COLUMN = Pattern.compile("column (\\d+)");
    private static final Analyzer ANALYZER = new PaperAnalyzer();

    private final String text;
    private final Query query;
    private final String normalized;

    private SubscriptionQuery(String text, Query query) {
        this.text = text;
        this.query = query;
        this.normalized = query.toString();
    }

    /**
     * Parses and validates a query.
     *
     * @throws QueryValidationException with a message that points at the problem
     */
    public static SubscriptionQuery parse(String text) {
        if (text == null || text.isBlank()) {
            throw new QueryValidationException(text, 0, null, "the query is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new QueryValidationException(text, MAX_LENGTH + 1, null,
                    "the query is longer than " + MAX_LENGTH + " characters");
        }
        int firstNegation = scanTokens(text);
        Query parsed;
        try {
            parsed = new FieldCheckingParser().parse(text);
        } catch (ParseException e) {
            throw syntaxError(text, e);
        } catch (TokenMgrError e) {
            throw lexicalError(text, e);
        }
        if (parsed == null || parsed instanceof MatchNoDocsQuery
                || (parsed instanceof BooleanQuery b && b.clauses().isEmpty())) {
            throw new QueryValidationException(text, 0, null,
                    "the query has no searchable term (stop words such as 'the' or 'of' are ignored)");
        }
        if (hasOnlyNegativeClauses(parsed)) {
            throw new QueryValidationException(text, firstNegation, null,
                    "a query or group made only of NOT clauses matches nothing; add a positive term, e.g. "
                            + "'categories:cs.* AND NOT categories:cs.CR'");
        }
        int clauses = countLeaves(parsed);
        if (clauses > MAX_CLAUSES) {
            throw new QueryValidationException(text, 0, null,
                    "the query has " + clauses + " terms; at most " + MAX_CLAUSES + " are allowed");
        }
        return new SubscriptionQuery(text, parsed);
    }

    /** The query as the user wrote it. */
    public String text() {
        return text;
    }

    /** The analysed Lucene query (over the analysed fields of {@link PaperDocument}). */
    public Query query() {
        return query;
    }

    /** The analysed query as a string: equal strings match the same papers. */
    public String normalized() {
        return normalized;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SubscriptionQuery q && q.normalized.equals(normalized);
    }

    @Override
    public int hashCode() {
        return normalized.hashCode();
    }

    @Override
    public String toString() {
        return normalized;
    }

    /**
     * Walks the tokens the classic parser sees and refuses what the parser would accept but we do not. Returns the
     * 1-based column of the first NOT or '-', for pointing at an all-negative query.
     */
    private static int scanTokens(String text) {
        QueryParserTokenManager tokens = new QueryParserTokenManager(new FastCharStream(new StringReader(text)));
        Token previous = null;
        int firstNegation = 0;
        try {
            for (Token token = tokens.getNextToken(); token.kind != QueryParserConstants.EOF;
                 token = tokens.getNextToken()) {
                int column = token.beginColumn + 1;
                switch (token.kind) {
                    case QueryParserConstants.COLON -> {
                        if (previous != null && previous.kind == QueryParserConstants.STAR) {
                            throw new QueryValidationException(text, previous.beginColumn + 1, "*",
                                    "'*:' (all fields) is not supported; name one of " + PaperField.queryableNames());
                        }
                        if (previous != null && previous.kind == QueryParserConstants.TERM) {
                            String field = previous.image.replace("\\", "");
                            if (PaperField.queryableByName(field).isEmpty()) {
                                throw new QueryValidationException(text, previous.beginColumn + 1, field,
                                        "unknown field '" + field + "'; the fields are "
                                                + PaperField.queryableNames());
                            }
                        }
                    }
                    case QueryParserConstants.PREFIXTERM, QueryParserConstants.WILDTERM -> checkWildcard(text, token);
                    case QueryParserConstants.STAR -> throw new QueryValidationException(text, column, null,
                            "a bare '*' (match-all, as in '*:*') is not supported: it would alert on every paper");
                    case QueryParserConstants.REGEXPTERM -> throw new QueryValidationException(text, column, null,
                            "regular expressions (/.../) are not supported; use a trailing wildcard such as transform*");
                    case QueryParserConstants.RANGEIN_START, QueryParserConstants.RANGEEX_START ->
                            throw new QueryValidationException(text, column, null,
                                    "range queries ([a TO b]) are not supported");
                    case QueryParserConstants.FUZZY_SLOP -> {
                        if (previous != null && previous.kind != QueryParserConstants.QUOTED) {
                            throw new QueryValidationException(text, previous.beginColumn + 1, null,
                                    "fuzzy terms ('" + previous.image + "~') are not supported; phrase slop "
                                            + "(\"a b\"~2) is");
                        }
                    }
                    case QueryParserConstants.NOT, QueryParserConstants.MINUS -> {
                        if (firstNegation == 0) {
                            firstNegation = column;
                        }
                    }
                    default -> {
                    }
                }
                previous = token;
            }
        } catch (TokenMgrError e) {
            throw lexicalError(text, e);
        }
        return firstNegation;
    }

    private static void checkWildcard(String text, Token token) {
        String image = token.image;
        int firstWildcard = indexOfWildcard(image);
        if (firstWildcard == 0) {
            throw new QueryValidationException(text, token.beginColumn + 1, null,
                    "a term may not start with a wildcard ('" + image + "'); write at least two characters first");
        }
        if (firstWildcard < 2) {
            throw new QueryValidationException(text, token.beginColumn + 1, null,
                    "write at least two characters before a wildcard ('" + image + "')");
        }
    }

    private static int indexOfWildcard(String image) {
        for (int i = 0; i < image.length(); i++) {
            char c = image.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?') {
                return i;
            }
        }
        return -1;
    }

    private static QueryValidationException syntaxError(String text, ParseException wrapper) {
        // QueryParser.parse wraps the grammar's exception, which knows the offending token.
        ParseException e = wrapper.getCause() instanceof ParseException cause ? cause : wrapper;
        Token next = e.currentToken == null ? null : e.currentToken.next;
        if (next == null) {
            String message = wrapper.getMessage() == null ? "syntax error" : e.getMessage().lines().findFirst().orElse("");
            return new QueryValidationException(text, columnIn(message), null,
                    "cannot parse the query: " + message.replaceFirst("^Cannot parse '.*?': ", ""));
        }
        if (next.kind == QueryParserConstants.EOF) {
            return new QueryValidationException(text, text.length() + 1, null,
                    "the query ends too early (an operator, '(' or field name without what follows it)");
        }
        return new QueryValidationException(text, next.beginColumn + 1, null,
                "cannot parse the query: unexpected '" + next.image + "'");
    }

    private static QueryValidationException lexicalError(String text, TokenMgrError e) {
        int column = columnIn(String.valueOf(e.getMessage()));
        String problem = text.chars().filter(c -> c == '"').count() % 2 == 1
                ? "a quote is not closed" : "unexpected character or a trailing backslash";
        return new QueryValidationException(text, column, null, "cannot parse the query: " + problem);
    }

    private static int columnIn(String message) {
        Matcher m = LEXICAL_COLUMN.matcher(message);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static boolean hasOnlyNegativeClauses(Query query) {
        if (query instanceof BoostQuery boost) {
            return hasOnlyNegativeClauses(boost.getQuery());
        }
        if (!(query instanceof BooleanQuery bool)) {
            return false;
        }
        boolean anyPositive = false;
        for (BooleanClause clause : bool.clauses()) {
            if (clause.getOccur() != BooleanClause.Occur.MUST_NOT) {
                anyPositive = true;
            }
            if (hasOnlyNegativeClauses(clause.getQuery())) {
                return true;
            }
        }
        return !anyPositive;
    }

    private static int countLeaves(Query query) {
        if (query instanceof BoostQuery boost) {
            return countLeaves(boost.getQuery());
        }
        if (query instanceof BooleanQuery bool) {
            return bool.clauses().stream().mapToInt(c -> countLeaves(c.getQuery())).sum();
        }
        return 1;
    }

    /** The classic parser, with the hidden default field and a check that no other field slips through. */
    private static final class FieldCheckingParser extends QueryParser {

        FieldCheckingParser() {
            super(PaperField.TEXT.fieldName(), ANALYZER);
            setSplitOnWhitespace(true);
            setAutoGeneratePhraseQueries(true);
            setAllowLeadingWildcard(false);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            return super.getFieldQuery(checked(field), queryText, quoted);
        }

        @Override
        protected Query getPrefixQuery(String field, String termStr) throws ParseException {
            return super.getPrefixQuery(checked(field), termStr);
        }

        @Override
        protected Query getWildcardQuery(String field, String termStr) throws ParseException {
            return super.getWildcardQuery(checked(field), termStr);
        }

        private static String checked(String field) {
            String lower = field.toLowerCase(java.util.Locale.ROOT);
            if (lower.equals(PaperField.TEXT.fieldName())) {
                return lower;
            }
            return PaperField.queryableByName(lower).map(PaperField::fieldName)
                    .orElseThrow(() -> new IllegalStateException("unchecked field " + Objects.requireNonNull(field)));
        }
    }
}
