package io.paperwire.app.bench;

import org.apache.kafka.common.utils.AppInfoParser;

/**
 * The machine and software a bench ran on, so that figures are never read without them.
 *
 * @param cores         processors available to the JVM
 * @param memoryBytes   physical memory, or -1 when unknown
 * @param os            operating system name, version and architecture
 * @param jdk           Java version and vendor
 * @param jvm           the virtual machine's name and version
 * @param kafkaVersion  Apache Kafka client version on the class path
 * @param luceneVersion Apache Lucene version on the class path
 */
public record MachineInfo(int cores, long memoryBytes, String os, String jdk, String jvm, String kafkaVersion,
                          String luceneVersion) {

    /** This machine and this JVM. */
    static MachineInfo current() {
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), ResourceSampler.machineMemoryBytes(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                AppInfoParser.getVersion(), org.apache.lucene.util.Version.LATEST.toString());
    }
}
