import {createBenchData} from './benchData';
import {commandSuite} from './command';
import type {BenchSuite} from './figures';
import {dataSuite} from './queries';
import {replicasSuite} from './replicas';
import {embeddedThroughputSuite, throughputSuite} from './throughput';
import {webappSuite} from './webapp';

// The suites `make bench` runs, in order. The data-scale suites share one
// loaded database per engine (benchData.ts); add a suite with one line here.

const data = createBenchData();

export const suites: BenchSuite[] = [dataSuite(data), commandSuite(data), throughputSuite, embeddedThroughputSuite, replicasSuite, webappSuite];
