/** A consumer on the module path: it names the client's modules as any modular application would. */
module com.example.modular {
  requires io.github.realtimekit.client;
  requires io.github.realtimekit.model;

  exports com.example.modular;
}
