package org.epicall.campaign.roster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.Charset;
import org.springframework.batch.infrastructure.item.file.BufferedReaderFactory;
import org.springframework.core.io.Resource;

/** Opens the roster, dropping a UTF-8 byte order mark if the file starts with one. */
final class BomSkippingReaderFactory implements BufferedReaderFactory {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Override
    public BufferedReader create(Resource resource, String encoding) throws IOException {
        PushbackInputStream in = new PushbackInputStream(resource.getInputStream(), UTF8_BOM.length);
        byte[] head = in.readNBytes(UTF8_BOM.length);
        boolean bom = head.length == UTF8_BOM.length
                && head[0] == UTF8_BOM[0] && head[1] == UTF8_BOM[1] && head[2] == UTF8_BOM[2];
        if (!bom && head.length > 0) {
            in.unread(head);
        }
        return new BufferedReader(new InputStreamReader(in, Charset.forName(encoding)), 1 << 16);
    }
}
