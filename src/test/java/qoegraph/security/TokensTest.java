package qoegraph.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokensTest {
    static final String ADMIN = "0123456789abcdef-admin";
    static final String QUERY = "0123456789abcdef-query";

    @Test
    void eachTokenCarriesItsRoleAndNothingElseMatches() {
        Tokens tokens = Tokens.of(ADMIN, QUERY);
        assertEquals(Optional.of(Role.ADMIN), tokens.match(ADMIN));
        assertEquals(Optional.of(Role.QUERY), tokens.match(QUERY));
        for (String other : new String[] {null, "", ADMIN + " ", " " + ADMIN, ADMIN.substring(0, 16), QUERY + QUERY,
                ADMIN.toUpperCase()}) {
            assertEquals(Optional.empty(), tokens.match(other), () -> "matched " + other);
        }
    }

    @Test
    void blankTokensMeanNoneConfigured() {
        Tokens none = Tokens.of(" ", null);
        assertFalse(none.adminConfigured());
        assertFalse(none.queryTokenRequired());
        assertEquals(Optional.empty(), none.match(""));
        assertEquals(Optional.empty(), none.match(" "));
        assertTrue(Tokens.of(ADMIN, "").adminConfigured());
    }

    @Test
    void shortOrEqualTokensAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Tokens.of("fifteen-chars-x", null))
                .getMessage().contains("admin-token is too short"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Tokens.of(null, "short"))
                .getMessage().contains("query-token is too short"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Tokens.of(ADMIN, ADMIN))
                .getMessage().contains("must differ"));
    }
}
