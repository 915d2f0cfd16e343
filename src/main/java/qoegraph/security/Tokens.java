package qoegraph.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The configured bearer tokens, kept only as SHA-256 digests. A presented token is hashed and compared with
 * {@link MessageDigest#isEqual} against both digests, every time: the time taken tells nothing about how
 * much of a token matched, nor its length. The tokens themselves are never logged or shown.
 */
public final class Tokens {
    /** A token shorter than this is refused at start-up: it could be guessed. */
    public static final int MIN_LENGTH = 16;

    private final byte[] admin;
    private final byte[] query;

    private Tokens(byte[] admin, byte[] query) {
        this.admin = admin;
        this.query = query;
    }

    /**
     * @param adminToken null or blank: no admin token (mutations off)
     * @param queryToken null or blank: queries are open
     * @throws IllegalArgumentException when a token is shorter than {@link #MIN_LENGTH} or both are the same
     */
    public static Tokens of(String adminToken, String queryToken) {
        String adminValue = blankToNull(adminToken);
        String queryValue = blankToNull(queryToken);
        check("qoegraph.security.admin-token", adminValue);
        check("qoegraph.security.query-token", queryValue);
        if (adminValue != null && adminValue.equals(queryValue)) {
            throw new IllegalArgumentException("qoegraph.security.admin-token and query-token must differ:"
                    + " a query token would otherwise allow the mutations");
        }
        return new Tokens(digest(adminValue), digest(queryValue));
    }

    public boolean adminConfigured() {
        return admin != null;
    }

    public boolean queryTokenRequired() {
        return query != null;
    }

    /** The role a presented token carries, if it is one of ours. */
    public Optional<Role> match(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        byte[] given = digest(presented);
        boolean isAdmin = admin != null && MessageDigest.isEqual(admin, given);
        boolean isQuery = query != null && MessageDigest.isEqual(query, given);
        if (isAdmin) {
            return Optional.of(Role.ADMIN);
        }
        return isQuery ? Optional.of(Role.QUERY) : Optional.empty();
    }

    private static void check(String key, String token) {
        if (token != null && token.length() < MIN_LENGTH) {
            throw new IllegalArgumentException(key + " is too short: use at least " + MIN_LENGTH
                    + " characters (e.g. openssl rand -hex 32)");
        }
    }

    private static String blankToNull(String token) {
        return token == null || token.isBlank() ? null : token;
    }

    private static byte[] digest(String token) {
        if (token == null) {
            return null;
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
