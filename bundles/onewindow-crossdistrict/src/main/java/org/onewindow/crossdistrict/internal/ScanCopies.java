package org.onewindow.crossdistrict.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.replication.FileCopyDTO;
import org.onewindow.scanning.ScanDTO;
import org.onewindow.scanning.ScanService;
import org.onewindow.scanning.Upload;
import org.onewindow.security.Actor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * A case's scanned files as they travel between nodes, and stored back on arrival; none while
 * scanning is not installed (cases then travel without their files).
 */
@Component(service = ScanCopies.class, configurationPid = CrossDistrictConfig.PID)
public class ScanCopies {
    static final Actor CROSS_DISTRICT = Actor.system("crossdistrict");

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ScanService scans;

    private volatile long maxFilesBytes;

    @Activate
    @Modified
    void configure(CrossDistrictConfig config) {
        maxFilesBytes = config.maxFilesBytes();
    }

    /** The case's files with their bytes, in page order; refused as a whole beyond {@code maxFilesBytes}. */
    List<FileCopyDTO> of(String caseNo) {
        List<FileCopyDTO> out = new ArrayList<>();
        ScanService scanning = scans;
        if (scanning == null) {
            return out;
        }
        List<ScanDTO> all = scanning.listToSend(caseNo, maxFilesBytes, CROSS_DISTRICT).orElseThrow(() -> Problem.badRequest("FILES_TOO_LARGE",
                "扫描件合计超过 " + maxFilesBytes + " 字节，不能随件传送（org.onewindow.crossdistrict maxFilesBytes）"));
        for (ScanDTO s : all) {
            FileCopyDTO f = new FileCopyDTO();
            f.name = s.fileName;
            f.contentType = s.contentType;
            f.size = s.size;
            f.sha256 = s.sha256;
            try {
                f.contentBase64 = Base64.getEncoder().encodeToString(Files.readAllBytes(scanning.content(s)));
            } catch (IOException e) {
                throw new Problem(ProblemKind.UNAVAILABLE, "SCAN_UNREADABLE", "扫描件 " + s.fileName + " 无法读取");
            }
            out.add(f);
        }
        return out;
    }

    /** Stores the files the case lacks here (by SHA-256), so a repeated message stores nothing twice; returns how many. */
    int store(String caseNo, List<FileCopyDTO> files) {
        ScanService scanning = scans;
        if (scanning == null || files == null || files.isEmpty()) {
            return 0;
        }
        Set<String> have = scanning.list(caseNo, CROSS_DISTRICT).stream().map(s -> s.sha256).collect(Collectors.toSet());
        List<Upload> uploads = new ArrayList<>();
        for (FileCopyDTO f : files) {
            if (f.sha256 != null && have.add(f.sha256)) {
                uploads.add(new Upload(f.name, new ByteArrayInputStream(Base64.getDecoder().decode(f.contentBase64))));
            }
        }
        return uploads.isEmpty() ? 0 : scanning.store(caseNo, uploads, CROSS_DISTRICT).size();
    }
}
