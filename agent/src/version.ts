/** The agent's version, reported in every heartbeat and by `skyport-agent --version`. */
export const agentVersion = "1.0.0";
