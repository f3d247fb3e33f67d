#include "ui/imgui_layer.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_vulkan.h>

#include "render/vk_check.h"

namespace ocop::studio {

namespace {

// The backend reports its own Vulkan failures here; they cannot happen on a working device.
void check_imgui_vk(VkResult r) {
    if (r != VK_SUCCESS && r != VK_SUBOPTIMAL_KHR)
        std::fprintf(stderr, "showroom-studio: ImGui's Vulkan backend: %s\n", render::vk_result_name(r));
}

float srgb_to_linear(float c) { return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f); }

// The window's images are sRGB: the GPU encodes what ImGui writes. ImGui's colours are meant as
// sRGB already, so they are decoded here once, and the pictures' pixels too, to come out right.
void linearise_style(ImGuiStyle& style) {
    for (ImVec4& c : style.Colors) c = {srgb_to_linear(c.x), srgb_to_linear(c.y), srgb_to_linear(c.z), c.w};
}

std::array<std::uint8_t, 256> srgb_to_linear_table() {
    std::array<std::uint8_t, 256> t{};
    for (int i = 0; i < 256; ++i) t[std::size_t(i)] = std::uint8_t(std::lround(255.0f * srgb_to_linear(float(i) / 255.0f)));
    return t;
}

}  // namespace

ImVec4 ui_colour(float r, float g, float b, float a) {
    return {srgb_to_linear(r), srgb_to_linear(g), srgb_to_linear(b), a};
}

ImU32 ui_colour32(int r, int g, int b, int a) {
    return ImGui::GetColorU32(ui_colour(float(r) / 255.0f, float(g) / 255.0f, float(b) / 255.0f, float(a) / 255.0f));
}

Result<std::unique_ptr<ImGuiLayer>> ImGuiLayer::create(render::Context& ctx, GLFWwindow* window,
                                                       const render::Swapchain& swapchain, const ImGuiOptions& options) {
    std::unique_ptr<ImGuiLayer> layer(new ImGuiLayer(ctx));
    const VkDevice device = ctx.device();

    const VkDescriptorPoolSize sizes{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 16};
    const VkDescriptorPoolCreateInfo pool{.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO,
                                          .flags = VK_DESCRIPTOR_POOL_CREATE_FREE_DESCRIPTOR_SET_BIT,
                                          .maxSets = 16,
                                          .poolSizeCount = 1,
                                          .pPoolSizes = &sizes};
    VkDescriptorPool p;
    VK_CHECK(vkCreateDescriptorPool(device, &pool, nullptr, &p));
    layer->pool_ = {device, p, vkDestroyDescriptorPool};

    // Draws over the frame the renderer blitted: load it, keep the layout the renderer gave.
    const VkAttachmentDescription colour{.format = swapchain.format(),
                                         .samples = VK_SAMPLE_COUNT_1_BIT,
                                         .loadOp = VK_ATTACHMENT_LOAD_OP_LOAD,
                                         .storeOp = VK_ATTACHMENT_STORE_OP_STORE,
                                         .stencilLoadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE,
                                         .stencilStoreOp = VK_ATTACHMENT_STORE_OP_DONT_CARE,
                                         .initialLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL,
                                         .finalLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL};
    const VkAttachmentReference ref{0, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL};
    const VkSubpassDescription subpass{.pipelineBindPoint = VK_PIPELINE_BIND_POINT_GRAPHICS,
                                       .colorAttachmentCount = 1,
                                       .pColorAttachments = &ref};
    const std::array<VkSubpassDependency, 2> deps{
        VkSubpassDependency{.srcSubpass = VK_SUBPASS_EXTERNAL,
                            .dstSubpass = 0,
                            .srcStageMask = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT,
                            .dstStageMask = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT,
                            .srcAccessMask = VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT,
                            .dstAccessMask = VK_ACCESS_COLOR_ATTACHMENT_READ_BIT | VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT},
        VkSubpassDependency{.srcSubpass = 0,
                            .dstSubpass = VK_SUBPASS_EXTERNAL,
                            .srcStageMask = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT,
                            .dstStageMask = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT,
                            .srcAccessMask = VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT,
                            .dstAccessMask = VK_ACCESS_COLOR_ATTACHMENT_READ_BIT | VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT}};
    const VkRenderPassCreateInfo pass{.sType = VK_STRUCTURE_TYPE_RENDER_PASS_CREATE_INFO,
                                      .attachmentCount = 1,
                                      .pAttachments = &colour,
                                      .subpassCount = 1,
                                      .pSubpasses = &subpass,
                                      .dependencyCount = std::uint32_t(deps.size()),
                                      .pDependencies = deps.data()};
    VkRenderPass rp;
    VK_CHECK(vkCreateRenderPass(device, &pass, nullptr, &rp));
    layer->pass_ = {device, rp, vkDestroyRenderPass};

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the layout is ours, the same on every start (and in screenshots)
    ImGui::StyleColorsDark();
    ImGui::GetStyle().ScaleAllSizes(options.scale);
    ImGui::GetStyle().WindowRounding = 4.0f * options.scale;
    linearise_style(ImGui::GetStyle());

    // Vietnamese needs its own glyph ranges (ă â đ ê ô ơ ư and the stacked tone marks), and the
    // UI uses a few signs beyond them.
    const float pixels = std::round(16.0f * options.scale);
    ImVector<ImWchar> ranges;
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(io.Fonts->GetGlyphRangesVietnamese());
    builder.AddText("—–…’“”•→←↑↓·×°²₫");
    builder.BuildRanges(&ranges);
    static const ImWchar kSymbolRanges[] = {0x2605, 0x2606, 0x2713, 0x2713, 0x2717, 0x2717, 0};
    ImFontConfig merge;
    merge.MergeMode = true;
    const bool symbols = !options.symbols.empty() && std::filesystem::exists(options.symbols);
    if (!io.Fonts->AddFontFromFileTTF(options.font.string().c_str(), pixels, nullptr, ranges.Data))
        return failure(options.font.string(), "cannot load the UI font");
    if (symbols) io.Fonts->AddFontFromFileTTF(options.symbols.string().c_str(), pixels, &merge, kSymbolRanges);
    layer->bold_ = io.Fonts->AddFontFromFileTTF(options.font_bold.string().c_str(), pixels, nullptr, ranges.Data);
    if (!layer->bold_) return failure(options.font_bold.string(), "cannot load the UI font");
    if (symbols) io.Fonts->AddFontFromFileTTF(options.symbols.string().c_str(), pixels, &merge, kSymbolRanges);
    std::vector<int> rects;
    for (const render::Pixels& pic : options.pictures)
        rects.push_back(io.Fonts->AddCustomRectRegular(int(pic.width), int(pic.height)));
    unsigned char* atlas = nullptr;
    int atlas_w = 0, atlas_h = 0;
    io.Fonts->GetTexDataAsRGBA32(&atlas, &atlas_w, &atlas_h);
    const std::array<std::uint8_t, 256> to_linear = srgb_to_linear_table();
    for (std::size_t i = 0; i < rects.size(); ++i) {
        const ImFontAtlasCustomRect* r = io.Fonts->GetCustomRectByIndex(rects[i]);
        const render::Pixels& pic = options.pictures[i];
        for (std::uint32_t y = 0; y < pic.height; ++y)
            for (std::uint32_t x = 0; x < pic.width; ++x) {
                const std::uint8_t* s = &pic.rgba8[(std::size_t(y) * pic.width + x) * 4];
                unsigned char* d = atlas + (std::size_t(r->Y + y) * std::size_t(atlas_w) + r->X + x) * 4;
                d[0] = to_linear[s[0]], d[1] = to_linear[s[1]], d[2] = to_linear[s[2]], d[3] = s[3];
            }
        Picture picture;
        io.Fonts->CalcCustomRectUV(r, &picture.uv0, &picture.uv1);
        picture.size = {float(pic.width), float(pic.height)};
        layer->pictures_.push_back(picture);
    }

    ImGui_ImplGlfw_InitForVulkan(window, true);
    layer->glfw_ready_ = true;
    ImGui_ImplVulkan_InitInfo init{.Instance = ctx.instance(),
                                   .PhysicalDevice = ctx.physical_device(),
                                   .Device = device,
                                   .QueueFamily = ctx.queue_family(),
                                   .Queue = ctx.queue(),
                                   .PipelineCache = VK_NULL_HANDLE,
                                   .DescriptorPool = layer->pool_,
                                   .Subpass = 0,
                                   .MinImageCount = std::max(2u, swapchain.min_image_count()),
                                   .ImageCount = std::max(2u, swapchain.image_count()),
                                   .MSAASamples = VK_SAMPLE_COUNT_1_BIT,
                                   .Allocator = nullptr,
                                   .CheckVkResultFn = check_imgui_vk};
    if (!ImGui_ImplVulkan_Init(&init, layer->pass_)) return failure("window", "cannot start ImGui's Vulkan backend");
    layer->vulkan_ready_ = true;
    ctx.submit_and_wait([](VkCommandBuffer cmd) { ImGui_ImplVulkan_CreateFontsTexture(cmd); });
    ImGui_ImplVulkan_DestroyFontUploadObjects();
    for (Picture& picture : layer->pictures_) picture.texture = io.Fonts->TexID;
    layer->make_framebuffers(swapchain);
    return layer;
}

ImGuiLayer::~ImGuiLayer() {
    vkDeviceWaitIdle(ctx_.device());
    if (vulkan_ready_) ImGui_ImplVulkan_Shutdown();
    if (glfw_ready_) ImGui_ImplGlfw_Shutdown();
    if (ImGui::GetCurrentContext()) ImGui::DestroyContext();
}

void ImGuiLayer::make_framebuffers(const render::Swapchain& swapchain) {
    framebuffers_.clear();
    for (std::uint32_t i = 0; i < swapchain.image_count(); ++i) {
        const VkImageView view = swapchain.view(i);
        const VkFramebufferCreateInfo info{.sType = VK_STRUCTURE_TYPE_FRAMEBUFFER_CREATE_INFO,
                                           .renderPass = pass_,
                                           .attachmentCount = 1,
                                           .pAttachments = &view,
                                           .width = swapchain.extent().width,
                                           .height = swapchain.extent().height,
                                           .layers = 1};
        VkFramebuffer fb;
        VK_CHECK(vkCreateFramebuffer(ctx_.device(), &info, nullptr, &fb));
        framebuffers_.emplace_back(ctx_.device(), fb, vkDestroyFramebuffer);
    }
    framebuffers_for_ = swapchain.handle();
    ImGui_ImplVulkan_SetMinImageCount(std::max(2u, swapchain.min_image_count()));
}

void ImGuiLayer::begin_frame() {
    ImGui_ImplVulkan_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
}

void ImGuiLayer::end_frame() { ImGui::Render(); }

void ImGuiLayer::record(VkCommandBuffer cmd, const render::Swapchain& swapchain, std::uint32_t image_index) {
    // The renderer waits for every frame, so the old framebuffers are idle when the window
    // changed size.
    if (framebuffers_for_ != swapchain.handle()) make_framebuffers(swapchain);
    const VkRenderPassBeginInfo begin{.sType = VK_STRUCTURE_TYPE_RENDER_PASS_BEGIN_INFO,
                                      .renderPass = pass_,
                                      .framebuffer = framebuffers_[image_index],
                                      .renderArea = {{0, 0}, swapchain.extent()}};
    vkCmdBeginRenderPass(cmd, &begin, VK_SUBPASS_CONTENTS_INLINE);
    ImGui_ImplVulkan_RenderDrawData(ImGui::GetDrawData(), cmd);
    vkCmdEndRenderPass(cmd);
}

}  // namespace ocop::studio
