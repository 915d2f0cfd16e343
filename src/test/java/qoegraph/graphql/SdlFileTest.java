package qoegraph.graphql;

import qoegraph.wiring.SdlFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** schema.graphql is what front-end codegen reads: it must be the schema the model generates today. */
class SdlFileTest {
    private static final String REFRESH = "./mvnw -q test -Dtest=SdlFileTest -Dqoegraph.sdl.write=true";

    @Test
    void theCommittedSdlFileIsUpToDate() throws Exception {
        String generated = SdlFile.generate(SdlFile.MODEL_DIR);
        if (Boolean.getBoolean("qoegraph.sdl.write")) {
            Files.writeString(SdlFile.FILE, generated);
        }
        assertTrue(Files.exists(SdlFile.FILE), SdlFile.FILE + " is missing; write it with " + REFRESH);
        assertEquals(generated, Files.readString(SdlFile.FILE),
                SdlFile.FILE + " is out of date with the model; refresh it with " + REFRESH);
    }

    @Test
    void theSdlIsValidForCodegen() throws Exception {
        TypeDefinitionRegistry types = new SchemaParser().parse(SdlFile.generate(SdlFile.MODEL_DIR));
        assertTrue(types.getType("SessionsRow").isPresent());
        assertTrue(types.scalars().containsKey("TimeValue"));
    }
}
